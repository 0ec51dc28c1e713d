// The server's clock as this device knows it: the offset measured from the last server time read
// (the live state's `now`, a socket's hello). Every countdown uses it.

import { clockOffset } from './timing';

let offset = 0;

/** Record a server time read just now (`receivedAt`, device time). */
export function noteServerTime(serverNow: string | null | undefined, receivedAt: number = Date.now()): void {
  const measured = clockOffset(serverNow, receivedAt);
  if (measured !== null) offset = measured;
}

/** The server's time now, in epoch ms. */
export function serverNow(): number {
  return Date.now() + offset;
}
