import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, pathId } from '../../../api/client';
import type { Id, MergeResult } from '../../../api/types';
import { invalidateUnits } from './saveUnit';

/** POST /api/units/{id}/merge: moves the unit's endpoints, people and sub-units into another. */
export function useMergeUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, intoUnitId }: { id: Id; intoUnitId: Id }) =>
      api.post<MergeResult>(`/api/units/${pathId(id)}/merge`, { intoUnitId }),
    onSuccess: () => invalidateUnits(queryClient),
  });
}
