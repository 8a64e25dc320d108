import type { WebhookTarget } from '@codeshelf/partners';
import type { LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';

/** A lookup that answers only the addresses already checked, whatever the name would resolve to now. */
export function pinnedLookup(addresses: LookupAddress[]): LookupFunction {
  return (hostname, options, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    const answers = addresses.filter((a) => !family || a.family === family);
    if (!answers.length) return callback(Object.assign(new Error(`no checked IPv${family} address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
    if (options.all) callback(null, answers);
    else callback(null, answers[0].address, answers[0].family);
  };
}

/**
 * POSTs `body` over a connection to one of the target's checked addresses, with the URL's own host in the Host
 * header and in TLS (SNI, and the name the certificate must carry). Resolves with the status once the answer's
 * headers are in, and does not follow a redirect.
 */
export function postPinned(target: WebhookTarget, headers: Record<string, string>, body: string, signal: AbortSignal): Promise<number> {
  const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const options = {
      method: 'POST',
      headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
      lookup: pinnedLookup(target.addresses),
      // A pooled connection is keyed by host and port, not by address: one per delivery, to the address just checked.
      agent: false,
      signal,
    };
    const request = send(target.url, options, (response) => {
      response.destroy();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end(body);
  });
}
