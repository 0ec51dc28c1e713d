import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';

/** POST /api/auth/password: the signed-in person changes their own password. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post<void>('/api/auth/password', body),
  });
}
