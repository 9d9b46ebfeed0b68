/**
 * Spaces calls out to at most `perSecond` a second, one at a time: each call starts at least 1000 / perSecond ms
 * plus a small margin after the previous one ended, so however late a request leaves after its turn (a client
 * still setting up, a busy machine), no second of the server's log holds more than perSecond of them.
 */
export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: PacerClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export type Pacer = <T>(call: () => Promise<T>) => Promise<T>;

/**
 * Each gap is this much longer than 1000 / perSecond (25 ms at 2 a second): at exactly 1000 / perSecond apart a
 * 1 ms difference in when two requests reach the server puts perSecond + 1 of them in one second of its log.
 */
export const ARRIVAL_MARGIN = 0.05;

export function createPacer(perSecond: number, clock: PacerClock = realClock): Pacer {
  if (!(perSecond > 0)) throw new RangeError(`A request rate must be above 0 a second, not ${perSecond}`);
  const gap = (1000 / perSecond) * (1 + ARRIVAL_MARGIN);
  let free = -Infinity;
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(call: () => Promise<T>) => {
    const turn = queue.then(async () => {
      const now = clock.now();
      if (free > now) await clock.sleep(free - now);
      try {
        return await call();
      } finally {
        // Counted from the end of the call: a request sent late within it cannot crowd the next one.
        free = clock.now() + gap;
      }
    });
    queue = turn.catch(() => undefined);
    return turn;
  };
}

/** The crawler's rate from PETITIONS_INDEX_RATE (requests a second; default 2). */
export function indexRateFromEnv(raw = process.env.PETITIONS_INDEX_RATE): number {
  const rate = Number(raw);
  return Number.isFinite(rate) && rate > 0 ? rate : 2;
}
