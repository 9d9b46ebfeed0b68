/**
 * Spaces calls out to at most `perSecond` a second: each caller waits for its turn, and turns are at least
 * 1000 / perSecond ms apart, so no second (however it is aligned) holds more than perSecond + 1 request starts.
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

export function createPacer(perSecond: number, clock: PacerClock = realClock): Pacer {
  if (!(perSecond > 0)) throw new RangeError(`A request rate must be above 0 a second, not ${perSecond}`);
  const gap = 1000 / perSecond;
  let next = -Infinity;
  return async () => {
    const now = clock.now();
    const at = Math.max(now, next);
    next = at + gap;
    if (at > now) await clock.sleep(at - now);
  };
}

/** The crawler's rate from PETITIONS_INDEX_RATE (requests a second; default 2). */
export function indexRateFromEnv(raw = process.env.PETITIONS_INDEX_RATE): number {
  const rate = Number(raw);
  return Number.isFinite(rate) && rate > 0 ? rate : 2;
}
