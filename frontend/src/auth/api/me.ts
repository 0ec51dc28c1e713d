import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { User } from '../../api/types';
import { queryKeys } from '../../lib/queryKeys';

/** GET /api/auth/me: who is signed in. Kept until sign-out; renewals patch it. */
export const meQuery = () =>
  queryOptions({
    queryKey: queryKeys.auth.me(),
    queryFn: ({ signal }) => api.get<User>('/api/auth/me', undefined, signal),
    staleTime: Infinity,
    retry: false,
  });
