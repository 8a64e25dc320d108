import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

type Page<T> = { items: T[]; nextCursor: string | null };

/** A list read page by page through the API's cursor; `items` holds every page loaded so far. */
export function usePagedList<T>(queryKey: QueryKey, fetchPage: (cursor: string | undefined) => Promise<Page<T>>) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return Object.assign(query, { items: query.data?.pages.flatMap((page) => page.items) ?? [] });
}

/** The "Show more" button under a paged list, while the API says there is a next page. */
type More = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };

export function ShowMore({ list, label }: { list: More; label?: string }) {
  const { t } = useTranslation();
  if (!list.hasNextPage) return null;
  return (
    <p>
      <button type="button" className="button button--secondary" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
        {list.isFetchingNextPage ? t('common.loading') : (label ?? t('common.showMore'))}
      </button>
    </p>
  );
}
