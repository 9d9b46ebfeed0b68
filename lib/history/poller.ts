/**
 * Keeps the history of open petitions current: every petition viewed in the last 24 hours plus a configured list
 * is read through getPetition's cache about once a minute (a fresh cached copy means no upstream call, so page
 * traffic and the poller share one call per minute), with jitter, exponential back-off while upstream fails, and
 * no more polls once a petition is no longer open. Snapshots come from the fetch observer, not from here.
 */
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

export class Poller {
  private readonly schedule = new Map<number, Schedule>();
  /** Petitions seen closed (or gone) by this poller: never polled again. */
  private readonly finished = new Set<number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private nextThinAt = 0;
  private readonly intervalMs: number;
  private readonly jitterMs: number;
  private readonly maxBackoffMs: number;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly options: PollerOptions) {
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

  /** One pass: refresh the list, poll what is due, thin stores hourly. Returns the ids polled. */
  async tick(): Promise<number[]> {
    const store = await this.options.store();
    const now = this.now();
    const following = await store.trackable(
      now - (this.options.viewedWithinMs ?? DAY_MS),
      this.options.track,
    );
    const wanted = new Set(following.filter((id) => !this.finished.has(id)));
    for (const id of this.schedule.keys()) if (!wanted.has(id)) this.schedule.delete(id);
    for (const id of wanted) {
      if (!this.schedule.has(id)) this.schedule.set(id, { dueAt: now + this.jitter(), failures: 0 });
    }
    const polled: number[] = [];
    for (const [id, entry] of this.schedule) {
      if (entry.dueAt > now) continue;
      polled.push(id);
      await this.poll(id, entry);
    }
    if (now >= this.nextThinAt) {
      this.nextThinAt = now + 3_600_000;
      for (const id of await store.thinningDue(now)) await store.thin(id, now);
    }
    return polled;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.options.log?.({
      outcome: "poller-started",
      intervalMs: this.intervalMs,
      track: this.options.track ?? [],
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
