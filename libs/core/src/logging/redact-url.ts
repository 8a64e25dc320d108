/** A URL with its secrets masked: consent-link tokens in the path, `token=` in the query. */
export function redactUrl(url: string | undefined): string | undefined {
  return url?.replace(/(\/consents\/)[^/?#]+/, '$1***').replace(/([?&]token=)[^&#]*/, '$1***');
}
