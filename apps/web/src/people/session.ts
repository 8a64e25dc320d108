import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiProblem, unwrap } from '../api/client';

/** Who is signed in (from the session cookie), or null when no one is. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return unwrap(await api.GET('/v1/me'));
      } catch (error) {
        if (error instanceof ApiProblem && error.problem.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

/** Ends every browser session of the account (a lost phone, a shared computer), this one included. */
export function useSignOutEverywhere() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.DELETE('/v1/auth/sessions')),
    onSuccess: () => {
      client.clear();
      client.setQueryData(['me'], null);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const result = await api.DELETE('/v1/auth/session');
      if (!result.response.ok && result.response.status !== 401) unwrap(result);
    },
    onSettled: () => {
      client.clear();
      client.setQueryData(['me'], null);
    },
  });
}
