import './admin.css';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';

/**
 * Cursor paging of a list route: the cursors of the pages before this one, so "previous" goes back without the
 * API paging backwards. Starts over whenever `filters` change.
 */
export function useCursorPages(filters: string) {
  const [state, setState] = useState<{ filters: string; trail: (string | undefined)[] }>({ filters, trail: [undefined] });
  const trail = state.filters === filters ? state.trail : [undefined];
  return {
    cursor: trail[trail.length - 1],
    page: trail.length,
    next: (cursor: string) => setState({ filters, trail: [...trail, cursor] }),
    previous: () => setState({ filters, trail: trail.slice(0, -1) }),
  };
}

export function Pager({ pages, nextCursor }: { pages: ReturnType<typeof useCursorPages>; nextCursor: string | null | undefined }) {
  const { t } = useTranslation();
  if (pages.page === 1 && !nextCursor) return null;
  return (
    <nav className="actions" aria-label={t('admin.paging.label')}>
      <button type="button" className="button button--secondary" disabled={pages.page === 1} onClick={pages.previous}>
        {t('admin.paging.previous')}
      </button>
      <span className="meta">{t('admin.paging.page', { page: pages.page })}</span>
      <button type="button" className="button button--secondary" disabled={!nextCursor} onClick={() => nextCursor && pages.next(nextCursor)}>
        {t('admin.paging.next')}
      </button>
    </nav>
  );
}

/** Every sponsor by name, for pickers and for naming a sponsor user's company. */
export function useSponsors() {
  return useQuery({
    queryKey: ['sponsors', 'all'],
    queryFn: async () => unwrap(await api.GET('/v1/sponsors', { params: { query: { limit: 200 } } })).items,
  });
}

/** The zones a branch may be in: the browser's IANA list (UTC included, which some browsers leave out). */
export function timeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

/** A temporary password for an invited account: 18 characters without look-alikes, from the browser's CSPRNG. */
export function temporaryPassword(length = 18): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
  let out = '';
  // Rejection sampling keeps every character equally likely.
  for (const byte of bytes) {
    if (byte < 256 - (256 % alphabet.length)) out += alphabet[byte % alphabet.length];
    if (out.length === length) break;
  }
  return out.length === length ? out : temporaryPassword(length);
}
