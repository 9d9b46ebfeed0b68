/**
 * Keeps the history of open petitions current: at most `maxTracked` of them, the configured list first, then the
 * most watched of those viewed in the last 24 hours (store.trackable). Each is read through getPetition's cache
 * about once a minute (a fresh cached copy means no upstream call, so page traffic and the poller share one call
 * per minute), a few at a time, best ranked first, with jitter, exponential back-off while upstream fails, and no
 * more polls once a petition is no longer open. Snapshots come from the fetch observer; thinning runs apart.
 */
import pLimit from "p-limit";
import type { PetitionLoad } from "@/lib/petitions";
import { isPetitionError } from "@/lib/petitions/errors";
import type { HistoryStore } from "./store";

export interface PollerOptions {
  store: () => Promise<HistoryStore>;
  getPetition: (id: number) => Promise<PetitionLoad>;
  /** Petitions to follow whether or not anyone views them (HISTORY_TRACK). */
  track?: readonly number[];
  intervalMs?: number;
  /** Up to this much random delay is added to each poll so petitions do not all fire at once. */
  jitterMs?: number;
  maxBackoffMs?: number;
  viewedWithinMs?: number;
  /** Petitions followed at most (HISTORY_POLL_MAX). */
  maxTracked?: number;
  /** Polls in flight at once (HISTORY_POLL_CONCURRENCY). */
  concurrency?: number;
  /** How often the list of petitions to follow is re-read. */
  refreshMs?: number;
  now?: () => number;
  random?: () => number;
  log?: (fields: Record<string, unknown>) => void;
}

interface Schedule {
  dueAt: number;
  failures: number;
}

const DAY_MS = 24 * 3_600_000;
/** Viewer counts written in this last stretch rank by viewers; older ones only by when they were watched. */
const RECENT_VIEWERS_MS = 30 * 60_000;
export const DEFAULT_MAX_TRACKED = 200;

export class Poller {
  private readonly schedule = new Map<number, Schedule>();
  /** Petitions seen closed (or gone) by this poller: never polled again. */
  private readonly finished = new Set<number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private readonly intervalMs: number;
  private readonly jitterMs: number;
  private readonly maxBackoffMs: number;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly limit: pLimit.Limit;

  constructor(private readonly options: PollerOptions) {
    this.limit = pLimit(options.concurrency ?? 4);
    this.intervalMs = options.intervalMs ?? 60_000;
    this.jitterMs = options.jitterMs ?? Math.min(10_000, this.intervalMs / 6);
    this.maxBackoffMs = options.maxBackoffMs ?? 30 * 60_000;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  /** Which petitions are being followed, and when each is next due (epoch ms). */
  get due(): ReadonlyMap<number, number> {
    return new Map([...this.schedule].map(([id, entry]) => [id, entry.dueAt]));
  }

  /** One pass: refresh the list, poll what is due (best ranked first, a few at once). Returns the ids polled. */
  async tick(): Promise<number[]> {
    const store = await this.options.store();
    const now = this.now();
    const following = await store.trackable({
      since: now - (this.options.viewedWithinMs ?? DAY_MS),
      recentSince: now - RECENT_VIEWERS_MS,
      always: this.options.track,
      limit: this.options.maxTracked ?? DEFAULT_MAX_TRACKED,
    });
    const ranked = following.filter((id) => !this.finished.has(id));
    const wanted = new Set(ranked);
    for (const id of this.schedule.keys()) if (!wanted.has(id)) this.schedule.delete(id);
    for (const id of ranked) {
      if (!this.schedule.has(id)) this.schedule.set(id, { dueAt: now + this.jitter(), failures: 0 });
    }
    const polled = ranked.filter((id) => (this.schedule.get(id)?.dueAt ?? Infinity) <= now);
    await Promise.all(polled.map((id) => this.limit(() => this.poll(id, this.schedule.get(id)!))));
    return polled;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.options.log?.({
      outcome: "poller-started",
      intervalMs: this.intervalMs,
      track: this.options.track ?? [],
      maxTracked: this.options.maxTracked ?? DEFAULT_MAX_TRACKED,
    });
    const loop = async () => {
      try {
        await this.tick();
      } catch (error) {
        this.options.log?.({ outcome: "poller-error", error: String(error) });
      }
      if (!this.running) return;
      this.timer = setTimeout(loop, this.sleepMs());
      // A server shutting down must not wait for the poller.
      this.timer.unref?.();
    };
    this.timer = setTimeout(loop, 0);
    this.timer.unref?.();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
  }

  private async poll(id: number, entry: Schedule): Promise<void> {
    const now = this.now();
    try {
      const load = await this.options.getPetition(id);
      // A stale copy means upstream failed behind the cache: back off as for an error.
      if (load.stale) throw new Error(load.staleReason ?? "upstream failed; served a stale copy");
      entry.failures = 0;
      // Due again when the cached copy expires, so the next poll is a real fetch.
      entry.dueAt = Math.max(now, Date.parse(load.asOf)) + this.intervalMs + this.jitter();
      if (load.petition.state !== "open") this.finish(id, `state ${load.petition.state}`);
    } catch (error) {
      if (isPetitionError(error) && error.kind === "not-found") return this.finish(id, "not found");
      entry.failures += 1;
      const backoff = Math.min(this.maxBackoffMs, this.intervalMs * 2 ** entry.failures);
      entry.dueAt = now + backoff + this.jitter();
      this.options.log?.({
        petition: id,
        outcome: "poll-failed",
        failures: entry.failures,
        retryInMs: backoff,
      });
    }
  }

  private finish(id: number, reason: string): void {
    this.finished.add(id);
    this.schedule.delete(id);
    this.options.log?.({ petition: id, outcome: "poll-stopped", reason });
  }

  private jitter(): number {
    return Math.floor(this.random() * this.jitterMs);
  }

  /** Until the next poll is due, but re-read the list at least every refreshMs. */
  private sleepMs(): number {
    const refresh = this.options.refreshMs ?? 5_000;
    const next = Math.min(...[...this.schedule.values()].map((entry) => entry.dueAt), this.now() + refresh);
    return Math.max(100, next - this.now());
  }
}
