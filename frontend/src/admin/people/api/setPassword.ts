import { useMutation } from '@tanstack/react-query';
import { api, pathId } from '../../../api/client';
import type { Id } from '../../../api/types';

/** POST /api/people/{id}/password (an administrator sets someone's password). */
export function useSetPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: Id | undefined; password: string }) =>
      api.post<void>(`/api/people/${pathId(id)}/password`, { password }),
  });
}
