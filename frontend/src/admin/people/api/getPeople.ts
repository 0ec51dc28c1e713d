import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, pathId } from '../../../api/client';
import type { Id, Person, PersonPage } from '../../../api/types';
import { queryKeys } from '../../../lib/queryKeys';

export type PersonListParams = {
  q?: string;
  unitId?: string;
  role?: string;
  active?: string | boolean;
  /** PEOPLE (the server's default: device accounts left out), DEVICES or ALL */
  kind?: string;
  page?: number;
  size?: number;
};

/** GET /api/people (paged). */
export const peopleQuery = (params: PersonListParams) =>
  queryOptions({
    queryKey: queryKeys.people.list(params),
    queryFn: ({ signal }) => api.get<PersonPage>('/api/people', params, signal),
    placeholderData: keepPreviousData,
  });

/** GET /api/people/{id}: one person as the server has them now (e.g. after a 409 "stale"). */
export const personQuery = (id: Id) =>
  queryOptions({
    queryKey: queryKeys.people.detail(id),
    queryFn: ({ signal }) => api.get<Person>(`/api/people/${pathId(id)}`, undefined, signal),
  });
