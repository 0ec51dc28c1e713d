import { pathId } from '../../api/client';
import type { Id } from '../../api/types';

/** `/api/meetings/{id}{rest}` */
export function meetingApi(id: Id | undefined, rest = ''): string {
  return `/api/meetings/${pathId(id)}${rest}`;
}
