import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { AuditPage, AuditVerifyResult } from '../../../api/types';
import { queryKeys } from '../../../lib/queryKeys';

/** GET /api/audit?page=&size= (newest first). */
export const auditQuery = (params: { page: number; size: number }) =>
  queryOptions({
    queryKey: queryKeys.audit.list(params),
    queryFn: ({ signal }) => api.get<AuditPage>('/api/audit', params, signal),
    placeholderData: keepPreviousData,
  });

/** GET /api/audit/verify: checks the whole hash chain; run on demand only, never kept. */
export const auditVerifyQuery = () =>
  queryOptions({
    queryKey: queryKeys.audit.verify(),
    queryFn: ({ signal }) => api.get<AuditVerifyResult>('/api/audit/verify', undefined, signal),
    enabled: false,
    gcTime: 0,
  });
