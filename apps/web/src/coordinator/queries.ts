import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export function useProgram(id: string) {
  return useQuery({
    queryKey: ['program', id],
    queryFn: async () => unwrap(await api.GET('/v1/programs/{id}', { params: { path: { id } } })),
  });
}

export function useRooms(branchId: string | undefined) {
  return useQuery({
    queryKey: ['branch', branchId, 'rooms'],
    enabled: !!branchId,
    queryFn: async () => unwrap(await api.GET('/v1/branches/{id}/rooms', { params: { path: { id: branchId! } } })),
    staleTime: 60_000,
  });
}

/** Every session of a program (a club term has at most a few hundred), in time order. */
export function useProgramSessions(programId: string) {
  return useQuery({
    queryKey: ['program', programId, 'sessions', 'all'],
    queryFn: async () => unwrap(await api.GET('/v1/programs/{id}/sessions', { params: { path: { id: programId }, query: { limit: 200 } } })).items,
  });
}

/** A branch's partner schools, by name. */
export function useSchools(branchId: string) {
  return useQuery({
    queryKey: ['branches', branchId, 'schools'],
    enabled: !!branchId,
    queryFn: async () => unwrap(await api.GET('/v1/branches/{id}/schools', { params: { path: { id: branchId } } })),
  });
}

/** The published programs of a branch: the ones teens can be enrolled in. */
export function usePublishedPrograms(branchId: string) {
  return useQuery({
    queryKey: ['programs', 'published', branchId],
    enabled: !!branchId,
    queryFn: async () => unwrap(await api.GET('/v1/programs', { params: { query: { branchId, status: 'published', limit: 200 } } })).items,
  });
}
