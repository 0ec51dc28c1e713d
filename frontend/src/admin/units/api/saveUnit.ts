import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, pathId } from '../../../api/client';
import type { Unit, UnitInput } from '../../../api/types';
import { queryKeys } from '../../../lib/queryKeys';

/** Units changed: the tree, lists and details, and the people and endpoints that show unit names. */
export function invalidateUnits(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.units.all() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.endpoints.all() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.people.all() }),
  ]);
}

/** POST /api/units, or PUT /api/units/{id} of an `existing` unit. */
export function useSaveUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ existing, body }: { existing?: Unit; body: UnitInput }) =>
      existing ? api.put<Unit>(`/api/units/${pathId(existing.id)}`, body) : api.post<Unit>('/api/units', body),
    onSuccess: () => invalidateUnits(queryClient),
  });
}
