import type { Capabilities, MeetingDetail } from '../api/types';
import { capsOf } from '../meetings/shared';

/** The meeting's capabilities with the votes' flag (MANAGE_POLLS: create, edit and delete drafts). */
type VoteCapabilities = Capabilities & { canManagePolls?: boolean };

/** Whether the person may create polls in this meeting now, as the server says. */
export function canCreatePolls(meeting: MeetingDetail | undefined): boolean {
  return !!(capsOf(meeting) as VoteCapabilities).canManagePolls;
}
