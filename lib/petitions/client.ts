/** The only code that calls the petitions site: one GET per call, a timeout, typed errors and a log line. */
import { PetitionError } from "./errors";
import { notifyPetitionFetched } from "./fetch-observers";
import { reshapePetition, reshapePetitionList } from "./reshape";
import type { Petition, PetitionListPage } from "./types";

export const USER_AGENT = "PetitionAtlas/0.1 (maps UK Parliament petition signatures by constituency)";
const DEFAULT_BASE = "https://petition.parliament.uk";
const DEFAULT_TIMEOUT_MS = 5000;
export const LIST_PAGE_SIZE = 50;

export type UpstreamOutcome = "ok" | "not-found" | "timeout" | "error" | "malformed";

/** Extra fields for the log line, e.g. the cache state the caller is refreshing from. */
export type LogFields = Record<string, string | number | boolean | null>;

// Read per call so tests and the e2e stand-in can point us elsewhere at run time.
export function apiBase(): string {
  return (process.env.PETITIONS_API_BASE ?? DEFAULT_BASE).replace(/\/+$/, "");
}

function timeoutMs(): number {
  const configured = Number(process.env.PETITIONS_API_TIMEOUT_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_TIMEOUT_MS;
}

function outcomeOf(error: PetitionError): UpstreamOutcome {
  if (error.kind === "not-found" || error.kind === "timeout" || error.kind === "malformed") return error.kind;
  return "error";
}

function logUpstream(fields: LogFields): void {
  process.stdout.write(JSON.stringify({ event: "upstream", ...fields }) + "\n");
}

function statusError(status: number): PetitionError {
  if (status === 404) return new PetitionError("not-found", "No such petition", { upstreamStatus: status });
  // 429 means "come back later", as does being unreachable.
  return new PetitionError("unavailable", `The petitions site answered HTTP ${status}`, {
    status: status === 429 ? 503 : 502,
    upstreamStatus: status,
  });
}

function transportError(error: unknown): PetitionError {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return new PetitionError("timeout", `The petitions site did not answer within ${timeoutMs()} ms`);
  }
  return new PetitionError("unavailable", "The petitions site could not be reached", { status: 503 });
}

interface UpstreamAnswer {
  json: unknown;
  finalUrl: string;
}

/** GETs JSON and turns every failure into a PetitionError; `parse` runs inside so it is timed and logged too. */
async function getJson<T>(url: string, log: LogFields, parse: (answer: UpstreamAnswer) => T): Promise<T> {
  const started = performance.now();
  let status: number | null = null;
  let finalUrl = url;
  try {
    const response = await fetch(url, {
      headers: { accept: "application/json", "user-agent": USER_AGENT },
      redirect: "follow",
      signal: AbortSignal.timeout(timeoutMs()),
    });
    status = response.status;
    finalUrl = response.url || url;
    if (!response.ok) throw statusError(response.status);
    const text = await response.text().catch((error: unknown) => {
      throw transportError(error);
    });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new PetitionError("malformed", "The petitions site sent invalid JSON", {
        upstreamStatus: status,
      });
    }
    const result = parse({ json, finalUrl });
    logUpstream({ ...log, url, finalUrl, durationMs: elapsed(started), outcome: "ok", status });
    return result;
  } catch (caught) {
    const error = caught instanceof PetitionError ? caught : transportError(caught);
    logUpstream({ ...log, url, finalUrl, durationMs: elapsed(started), outcome: outcomeOf(error), status });
    throw error;
  }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

/**
 * Fetches one petition; the site redirects archived ones to /archived/petitions/ID.json, which fetch follows.
 * `archived` asks for that URL straight away (a crawler that listed it as archived saves the redirect).
 */
export async function fetchPetition(
  id: number,
  log: LogFields = {},
  options: { archived?: boolean } = {},
): Promise<Petition> {
  const url = `${apiBase()}/${options.archived ? "archived/" : ""}petitions/${id}.json`;
  return getJson(url, { petition: id, ...log }, ({ json, finalUrl }) => {
    const archived = new URL(finalUrl).pathname.startsWith("/archived/");
    const petition = reshapePetition(json, { archived });
    if (petition.id !== id) {
      throw new PetitionError("malformed", `Asked for petition ${id} but got ${petition.id}`);
    }
    notifyPetitionFetched(petition);
    return petition;
  });
}

export interface ListQuery {
  state: string;
  q: string;
  page: number;
}

export async function fetchPetitionList(query: ListQuery, log: LogFields = {}): Promise<PetitionListPage> {
  const params = new URLSearchParams({
    state: query.state,
    page: String(query.page),
    count: String(LIST_PAGE_SIZE),
  });
  if (query.q !== "") params.set("q", query.q);
  const url = `${apiBase()}/petitions.json?${params}`;
  return getJson(url, { petition: null, ...log }, ({ json }) => reshapePetitionList(json, query.page));
}

/**
 * One page of every petition of an earlier parliament (1 = the first the site archived). Throws not-found for a
 * parliament the site does not have, which is how a crawler knows it has walked them all.
 */
export async function fetchArchivedPetitionList(
  parliament: number,
  page: number,
  log: LogFields = {},
): Promise<PetitionListPage> {
  const params = new URLSearchParams({
    parliament: String(parliament),
    state: "all",
    page: String(page),
    count: String(LIST_PAGE_SIZE),
  });
  const url = `${apiBase()}/archived/petitions.json?${params}`;
  return getJson(url, { petition: null, ...log }, ({ json }) => reshapePetitionList(json, page));
}
