import "server-only";
/**
 * The only code that calls the petitions site: one GET per call (plus the archived redirect), within the upstream
 * budget, a timeout, typed errors and a log line.
 */
import { upstreamBudget, type UpstreamBudget, type UpstreamPriority } from "./budget";
import { PetitionError } from "./errors";
import { notifyPetitionFetched } from "./fetch-observers";
import { reshapePetition, reshapePetitionList } from "./reshape";
import { PETITIONS_SITE, petitionPath } from "./site";
import type { Petition, PetitionListPage } from "./types";

export const USER_AGENT = "PetitionAtlas/0.1 (maps UK Parliament petition signatures by constituency)";
const DEFAULT_TIMEOUT_MS = 5000;
export const LIST_PAGE_SIZE = 50;

export type UpstreamOutcome = "ok" | "not-found" | "timeout" | "error" | "malformed" | "busy";

/** Extra fields for the log line, e.g. the cache state the caller is refreshing from. */
export type LogFields = Record<string, string | number | boolean | null>;

// Read per call so tests and the e2e stand-in can point us elsewhere at run time.
export function apiBase(): string {
  return (process.env.PETITIONS_API_BASE ?? PETITIONS_SITE).replace(/\/+$/, "");
}

function timeoutMs(): number {
  const configured = Number(process.env.PETITIONS_API_TIMEOUT_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_TIMEOUT_MS;
}

function outcomeOf(error: PetitionError): UpstreamOutcome {
  if (error.kind === "not-found" || error.kind === "timeout" || error.kind === "malformed") return error.kind;
  if (error.kind === "busy") return "busy";
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

/** How a caller asks: its place in the upstream budget, and extra fields for the log line. */
export interface UpstreamOptions {
  priority?: UpstreamPriority;
  log?: LogFields;
  /** The process-wide budget unless a test brings its own. */
  budget?: UpstreamBudget;
}

const MAX_REDIRECTS = 1;

function parseUrl(text: string, base: string): URL | null {
  try {
    return new URL(text, base);
  } catch {
    return null;
  }
}

/**
 * One GET within the upstream budget. Redirects are not followed blindly: only to a URL `mayRedirectTo` accepts
 * (the same origin's archived twin of a petition), anything else is an unusable answer.
 */
async function upstreamGet(
  url: string,
  { priority, budget }: { priority: UpstreamPriority; budget: UpstreamBudget },
  mayRedirectTo: (target: URL) => boolean,
): Promise<Response> {
  let current = url;
  for (let hop = 0; ; hop++) {
    const response = await budget.run(priority, () =>
      fetch(current, {
        headers: { accept: "application/json", "user-agent": USER_AGENT },
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs()),
      }),
    );
    if (response.status < 300 || response.status >= 400) return response;
    await response.body?.cancel().catch(() => undefined);
    const location = response.headers.get("location");
    const target = location === null ? null : parseUrl(location, current);
    if (target === null || hop >= MAX_REDIRECTS || !mayRedirectTo(target)) {
      throw new PetitionError("malformed", `The petitions site redirected us somewhere we do not go`, {
        upstreamStatus: response.status,
      });
    }
    current = target.href;
  }
}

/** GETs JSON and turns every failure into a PetitionError; `parse` runs inside so it is timed and logged too. */
async function getJson<T>(
  url: string,
  { priority = "reader", log = {}, budget = upstreamBudget() }: UpstreamOptions,
  mayRedirectTo: (target: URL) => boolean,
  parse: (answer: UpstreamAnswer) => T,
): Promise<T> {
  const started = performance.now();
  let status: number | null = null;
  let finalUrl = url;
  const fields = { ...log, priority };
  try {
    const response = await upstreamGet(url, { priority, budget }, (target) => {
      const allowed = mayRedirectTo(target);
      if (allowed) finalUrl = target.href;
      return allowed;
    });
    status = response.status;
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
    logUpstream({ ...fields, url, finalUrl, durationMs: elapsed(started), outcome: "ok", status });
    return result;
  } catch (caught) {
    const error = caught instanceof PetitionError ? caught : transportError(caught);
    logUpstream({
      ...fields,
      url,
      finalUrl,
      durationMs: elapsed(started),
      outcome: outcomeOf(error),
      status,
    });
    throw error;
  }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

/**
 * Fetches one petition; the site redirects archived ones to /archived/petitions/ID.json, the one hop we follow.
 * `archived` asks for that URL straight away (a crawler that listed it as archived saves the redirect).
 */
export async function fetchPetition(
  id: number,
  options: UpstreamOptions & { archived?: boolean } = {},
): Promise<Petition> {
  const url = `${apiBase()}${petitionPath(id, options.archived)}.json`;
  const archivedTwin = (target: URL) =>
    target.origin === new URL(url).origin &&
    target.pathname === `${petitionPath(id, true)}.json` &&
    target.search === "";
  const log = { petition: id, ...options.log };
  return getJson(url, { ...options, log }, archivedTwin, ({ json, finalUrl }) => {
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

export async function fetchPetitionList(
  query: ListQuery,
  options: UpstreamOptions = {},
): Promise<PetitionListPage> {
  const params = new URLSearchParams({
    state: query.state,
    page: String(query.page),
    count: String(LIST_PAGE_SIZE),
  });
  if (query.q !== "") params.set("q", query.q);
  const url = `${apiBase()}/petitions.json?${params}`;
  const log = { petition: null, ...options.log };
  return getJson(
    url,
    { ...options, log },
    () => false,
    ({ json }) => reshapePetitionList(json, query.page),
  );
}

/**
 * One page of every petition of an earlier parliament (1 = the first the site archived). Throws not-found for a
 * parliament the site does not have, which is how a crawler knows it has walked them all.
 */
export async function fetchArchivedPetitionList(
  parliament: number,
  page: number,
  options: UpstreamOptions = {},
): Promise<PetitionListPage> {
  const params = new URLSearchParams({
    parliament: String(parliament),
    state: "all",
    page: String(page),
    count: String(LIST_PAGE_SIZE),
  });
  const url = `${apiBase()}/archived/petitions.json?${params}`;
  const log = { petition: null, ...options.log };
  return getJson(
    url,
    { ...options, log },
    () => false,
    ({ json }) => reshapePetitionList(json, page),
  );
}
