/**
 * Who is watching which petition: distinct clients per petition over a sliding window, counted from the pages'
 * live-refresh requests (/api/petitions/ID, which the browser makes even when the page came from a cache). The
 * front server notes them; the history runtime writes the counts to the store, where the poller ranks by them.
 * Memory stays bounded however many petitions or clients a flood names.
 */

export interface RecentViewersOptions {
  /** A client counts as watching for this long after its last refresh. */
  windowMs: number;
  /** Petitions remembered at most; the least recently noted go first. */
  maxPetitions: number;
  /** Clients counted per petition at most (a count saturates there; ranking needs no more). */
  maxClientsPerPetition: number;
  now?: () => number;
}

export class RecentViewers {
  /** Petition → client → when last seen; both maps in least-recently-noted order. */
  private readonly seen = new Map<number, Map<string, number>>();
  private readonly now: () => number;

  constructor(private readonly options: RecentViewersOptions) {
    this.now = options.now ?? Date.now;
  }

  note(petitionId: number, client: string): void {
    const clients = this.seen.get(petitionId) ?? new Map<string, number>();
    this.seen.delete(petitionId);
    this.seen.set(petitionId, clients);
    if (clients.has(client) || clients.size < this.options.maxClientsPerPetition) {
      clients.delete(client);
      clients.set(client, this.now());
    }
    for (const oldest of this.seen.keys()) {
      if (this.seen.size <= this.options.maxPetitions) break;
      this.seen.delete(oldest);
    }
  }

  /** Petition → distinct clients seen within the window; what is older is forgotten. */
  counts(): Map<number, number> {
    const since = this.now() - this.options.windowMs;
    const counts = new Map<number, number>();
    for (const [petitionId, clients] of this.seen) {
      for (const [client, at] of clients) {
        if (at >= since) break;
        clients.delete(client);
      }
      if (clients.size === 0) this.seen.delete(petitionId);
      else counts.set(petitionId, clients.size);
    }
    return counts;
  }
}

/** How long a viewer counts: a few of the pages' one-minute live refreshes. */
export const VIEWER_WINDOW_MS = 10 * 60_000;

// One tally per process: the front server notes, the history runtime (bundled apart) reads.
const processWide = globalThis as typeof globalThis & { __petitionAtlasViewers?: RecentViewers };

export function recentViewers(): RecentViewers {
  processWide.__petitionAtlasViewers ??= new RecentViewers({
    windowMs: VIEWER_WINDOW_MS,
    maxPetitions: 10_000,
    maxClientsPerPetition: 1_000,
  });
  return processWide.__petitionAtlasViewers;
}
