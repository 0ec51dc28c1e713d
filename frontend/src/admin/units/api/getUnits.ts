import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { UnitPage } from '../../../api/types';
import { queryKeys } from '../../../lib/queryKeys';

export type UnitListParams = { q?: string; active?: boolean; size?: number };

/** GET /api/units?q=&active=&size= (the unit pickers and the merge dialog search with it). */
export const unitsQuery = (params: UnitListParams) =>
  queryOptions({
    queryKey: queryKeys.units.list(params),
    queryFn: ({ signal }) => api.get<UnitPage>('/api/units', params, signal),
    placeholderData: keepPreviousData,
  });
