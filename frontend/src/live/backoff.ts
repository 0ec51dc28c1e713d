// Waiting between reconnection attempts: doubling from half a second up to three, each wait drawn
// at random between half and all of its ceiling, so that hundreds of tablets that lost the server
// at the same moment do not all come back at the same moment. The ceiling is short because a
// restarted server is back within seconds and a meeting should not wait for its screens; an
// attempt against a server that is down costs it nothing (bench/live.sh uses the same schedule).

export const BACKOFF_FIRST_MS = 500;
export const BACKOFF_MAX_MS = 3_000;

/**
 * The wait before attempt `attempt` + 1 (0 = the first retry): 0.5–1 s, 1–2 s, then 1.5–3 s.
 * `random` returns [0, 1).
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const n = Math.max(0, Math.floor(attempt));
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 * 2 ** Math.min(n, 10));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.max(BACKOFF_FIRST_MS, Math.round(ceiling / 2 + (r * ceiling) / 2));
}
