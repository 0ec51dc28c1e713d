import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, pathId } from '../../../api/client';
import type { Person, PersonInput } from '../../../api/types';
import { queryKeys } from '../../../lib/queryKeys';

/** POST /api/people, or PUT /api/people/{id} of an `existing` person; the unit tree counts people too. */
export function useSavePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ existing, body }: { existing?: Person; body: PersonInput }) =>
      existing ? api.put<Person>(`/api/people/${pathId(existing.id)}`, body) : api.post<Person>('/api/people', body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.people.all() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.units.all() }),
      ]),
  });
}
