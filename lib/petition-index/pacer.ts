/**
 * Spaces calls out to at most `perSecond` a second: each caller waits for its turn, and turns start at least
 * 1000 / perSecond ms apart plus a small margin (counted from when the previous one really started), so no second,
 * however it is aligned, holds more than perSecond turns, nor more than perSecond requests in the server's log while
 * each request leaves within the margin of its turn.
 */
export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: PacerClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export type Pacer = () => Promise<void>;

/**
 * Each gap is this much longer than 1000 / perSecond (25 ms at 2 a second): requests reach the server a few
 * milliseconds earlier or later than they start, and at exactly 1000 / perSecond apart a 1 ms difference puts
 * perSecond + 1 of them in one second of the server's log.
 */
export const ARRIVAL_MARGIN = 0.05;

export function createPacer(perSecond: number, clock: PacerClock = realClock): Pacer {
  if (!(perSecond > 0)) throw new RangeError(`A request rate must be above 0 a second, not ${perSecond}`);
  const gap = (1000 / perSecond) * (1 + ARRIVAL_MARGIN);
  let next = -Infinity;
  return async () => {
    const now = clock.now();
    const at = Math.max(now, next);
    // Reserve the turn before sleeping (callers queue in order), then count the gap from the real start, so a
    // timer that fires late on a busy machine never shortens the gap to the next request.
    next = at + gap;
    if (at > now) {
      await clock.sleep(at - now);
      next = Math.max(next, clock.now() + gap);
    }
  };
}

/** The crawler's rate from PETITIONS_INDEX_RATE (requests a second; default 2). */
export function indexRateFromEnv(raw = process.env.PETITIONS_INDEX_RATE): number {
  const rate = Number(raw);
  return Number.isFinite(rate) && rate > 0 ? rate : 2;
}
