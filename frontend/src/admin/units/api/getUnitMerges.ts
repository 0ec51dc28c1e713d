import { queryOptions } from '@tanstack/react-query';
import { api, pathId } from '../../../api/client';
import type { Id, MergeRecord } from '../../../api/types';
import { queryKeys } from '../../../lib/queryKeys';

/** GET /api/units/{id}/merges: merges into or out of the unit. */
export const unitMergesQuery = (id: Id) =>
  queryOptions({
    queryKey: queryKeys.units.merges(id),
    queryFn: ({ signal }) => api.get<MergeRecord[]>(`/api/units/${pathId(id)}/merges`, undefined, signal),
  });
