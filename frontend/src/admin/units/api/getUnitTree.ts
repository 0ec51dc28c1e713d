import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { UnitNode } from '../../../api/types';
import { queryKeys } from '../../../lib/queryKeys';

/** GET /api/units/tree: the whole tree with endpoint and people counts (active units only unless asked). */
export const unitTreeQuery = (showInactive: boolean) => {
  const params = showInactive ? {} : { active: true };
  return queryOptions({
    queryKey: queryKeys.units.tree(params),
    queryFn: ({ signal }) => api.get<UnitNode[]>('/api/units/tree', params, signal),
  });
};
