import type { MeetingDetail } from '../api/types';
import { capsOf } from '../meetings/shared';

/** Whether the person may create polls in this meeting now (MANAGE_POLLS), as the server says. */
export function canCreatePolls(meeting: MeetingDetail | undefined): boolean {
  return !!capsOf(meeting).canManagePolls;
}
