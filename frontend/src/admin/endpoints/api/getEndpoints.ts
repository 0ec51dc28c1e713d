import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, pathId } from '../../../api/client';
import type { Endpoint, EndpointPage, Id } from '../../../api/types';
import { queryKeys } from '../../../lib/queryKeys';

export type EndpointListParams = {
  q?: string;
  unitId?: string;
  active?: string | boolean;
  page?: number;
  size?: number;
};

/** GET /api/endpoints (paged; an ENDPOINT device account gets only its own). */
export const endpointsQuery = (params: EndpointListParams) =>
  queryOptions({
    queryKey: queryKeys.endpoints.list(params),
    queryFn: ({ signal }) => api.get<EndpointPage>('/api/endpoints', params, signal),
    placeholderData: keepPreviousData,
  });

/** GET /api/endpoints/{id}: one endpoint as the server has it now (e.g. after a 409 "stale"). */
export const endpointQuery = (id: Id) =>
  queryOptions({
    queryKey: queryKeys.endpoints.detail(id),
    queryFn: ({ signal }) => api.get<Endpoint>(`/api/endpoints/${pathId(id)}`, undefined, signal),
  });
