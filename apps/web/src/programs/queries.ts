import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export function useBranches() {
  return useQuery({
    queryKey: ['branches'],
    queryFn: async () => unwrap(await api.GET('/v1/branches', { params: { query: { limit: 100 } } })).items,
    staleTime: 5 * 60_000,
  });
}

export function useBranch(id: string | undefined) {
  const branches = useBranches();
  return branches.data?.find((branch) => branch.id === id);
}
