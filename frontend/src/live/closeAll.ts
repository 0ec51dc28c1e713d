import type { QueryClient } from '@tanstack/react-query';
import { closeMeetingChannels } from './meetingChannel';
import { closePersonalChannel } from './personalChannel';

/** Close every live channel now (sign-in, sign-out, end of the session): none outlives its person. */
export function closeLiveChannels(client: QueryClient): void {
  closeMeetingChannels(client);
  closePersonalChannel();
}
