import { queryOptions } from '@tanstack/react-query';
import { api, pathId } from '../../../api/client';
import type { Id, Unit } from '../../../api/types';
import { queryKeys } from '../../../lib/queryKeys';

/** GET /api/units/{id}: one unit with its parent's name and merge fields. */
export const unitQuery = (id: Id) =>
  queryOptions({
    queryKey: queryKeys.units.detail(id),
    queryFn: ({ signal }) => api.get<Unit>(`/api/units/${pathId(id)}`, undefined, signal),
  });
