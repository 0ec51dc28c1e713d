import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, pathId } from '../../../api/client';
import type { Endpoint, EndpointInput } from '../../../api/types';
import { queryKeys } from '../../../lib/queryKeys';

/** POST /api/endpoints, or PUT /api/endpoints/{id} of an `existing` one; the unit tree counts endpoints too. */
export function useSaveEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ existing, body }: { existing?: Endpoint; body: EndpointInput }) =>
      existing ? api.put<Endpoint>(`/api/endpoints/${pathId(existing.id)}`, body) : api.post<Endpoint>('/api/endpoints', body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.endpoints.all() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.units.all() }),
      ]),
  });
}
