/**
 * A local stand-in for the petitions site's JSON API with switchable faults, for unit and e2e tests.
 * Run alone: npx tsx test/upstream/server.ts --port 4010
 */
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { sharedData } from "@/scripts/data/paths";
import { corpusDocuments, corpusParliamentOf } from "./corpus";
import { LISTING_FILLER, FIXTURE_IDS, OPEN_COPIES_FIRST } from "./fixtures";
import {
  applyFault,
  isFaultMode,
  risen,
  send,
  type FaultState,
  type ModeSetting,
  type PetitionDoc,
} from "./faults";

export type { FaultMode, ModeSetting } from "./faults";
/** Which requests a mode applies to: a petition id, the listing, or (when omitted) everything. */
export type ModeTarget = number | "list";

export interface StandInStats {
  total: number;
  byPath: Record<string, number>;
  /** The User-Agent of the latest API request. */
  lastUserAgent: string | null;
}

/** One API request as the stand-in received it: when (epoch ms) and the path with its query. */
export interface LoggedRequest {
  at: number;
  url: string;
}

export interface StandIn {
  url: string;
  port: number;
  stats(): StandInStats;
  /** Every API request since the last reset, in arrival order. */
  requests(): LoggedRequest[];
  /** Adds `perSeat` signatures to every seat of an open corpus petition (a petition that moved since a crawl). */
  bump(id: number, perSeat: number): void;
  /** Copies of every petition some list shows (the current list and the corpus's archives): what a crawl finds. */
  listed(): PetitionDoc[];
  setMode(setting: ModeSetting, target?: ModeTarget): void;
  reset(): void;
  close(): Promise<void>;
}

const fixturesDir = new URL("./fixtures/", import.meta.url);
const PAGE_SIZE_MAX = 50;

function loadFixtures(): Map<number, PetitionDoc> {
  const docs = new Map<number, PetitionDoc>();
  for (const file of readdirSync(fixturesDir)
    .filter((name) => /^\d+\.json$/.test(name))
    .sort()) {
    const doc = JSON.parse(readFileSync(new URL(file, fixturesDir), "utf8")) as PetitionDoc;
    docs.set(doc.data.id, doc);
  }
  // The real rejected petition is served straight from ../shared rather than copied into the repository.
  const rejected = readFileSync(
    sharedData("petitions", "petition_751154_2025_rejected_no_breakdown.json"),
    "utf8",
  );
  docs.set(FIXTURE_IDS.rejected, JSON.parse(rejected) as PetitionDoc);
  const small = docs.get(FIXTURE_IDS.small);
  if (!small) throw new Error("fixtures missing: run npx tsx test/upstream/make-fixtures.ts");
  for (let n = 0; n < LISTING_FILLER.count; n++) {
    const filler = structuredClone(small);
    filler.data.id = LISTING_FILLER.first + n;
    filler.data.attributes.action = `Stand-in listed petition ${n + 1}`;
    docs.set(filler.data.id, filler);
  }
  return docs;
}

async function readBody(req: http.IncomingMessage): Promise<unknown> {
  let text = "";
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > 10_000) throw new Error("body too large");
  }
  return text === "" ? {} : JSON.parse(text);
}

/** A list page of `pool` like the site's: filtered by state and q, most signed first, links.next to the next. */
function listing(pool: Iterable<PetitionDoc>, url: URL, origin: string) {
  const state = url.searchParams.get("state") ?? "all";
  const q = (url.searchParams.get("q") ?? "").toLowerCase();
  const page = Math.max(1, Number(url.searchParams.get("page")) || 1);
  const count = Math.min(PAGE_SIZE_MAX, Math.max(1, Number(url.searchParams.get("count")) || PAGE_SIZE_MAX));
  const matches = [...pool]
    .filter((doc) => !["open", "closed", "rejected"].includes(state) || doc.data.attributes.state === state)
    .filter((doc) =>
      `${doc.data.attributes.action} ${doc.data.attributes.background}`.toLowerCase().includes(q),
    )
    .toSorted(
      (a, b) =>
        b.data.attributes.signature_count - a.data.attributes.signature_count || a.data.id - b.data.id,
    );
  const lastPage = Math.max(1, Math.ceil(matches.length / count));
  const pageUrl = (n: number) => {
    const params = new URLSearchParams(url.searchParams);
    params.set("page", String(n));
    return `${origin}${url.pathname}?${params}`;
  };
  return {
    links: {
      self: pageUrl(page),
      first: pageUrl(1),
      last: pageUrl(lastPage),
      next: page < lastPage ? pageUrl(page + 1) : null,
      prev: page > 1 ? pageUrl(page - 1) : null,
    },
    data: matches.slice((page - 1) * count, page * count).map((doc) => {
      // Listings carry no breakdowns, as on the real site.
      const attributes = { ...doc.data.attributes };
      delete attributes.signatures_by_country;
      delete attributes.signatures_by_constituency;
      delete attributes.signatures_by_region;
      const archived = doc.data.type === "archived-petition";
      return {
        type: doc.data.type,
        id: doc.data.id,
        links: { self: `${origin}/${archived ? "archived/" : ""}petitions/${doc.data.id}.json` },
        attributes,
      };
    }),
  };
}

/**
 * @param options.openCopies also serve this many copies of the small open petition, numbered from OPEN_COPIES_FIRST.
 * @param options.corpus also serve the petitions-index corpus (corpus.ts): in the current list, in the archived
 *   lists of parliaments 1–3 (`/archived/petitions.json?parliament=P`; 404 beyond), and one by one.
 */
export async function startStandIn(
  options: { port?: number; corpus?: boolean; openCopies?: number } = {},
): Promise<StandIn> {
  const docs = loadFixtures();
  const small = docs.get(FIXTURE_IDS.small)!;
  for (let n = 0; n < (options.openCopies ?? 0); n++) {
    const copy = structuredClone(small);
    copy.data.id = OPEN_COPIES_FIRST + n;
    docs.set(copy.data.id, copy);
  }
  const corpus = options.corpus ? corpusDocuments() : [];
  for (const doc of corpus) docs.set(doc.data.id, doc);
  const archivedByParliament = new Map<number, PetitionDoc[]>();
  for (const doc of corpus.filter((d) => d.data.type === "archived-petition")) {
    const parliament = corpusParliamentOf(doc.data.id);
    archivedByParliament.set(parliament, [...(archivedByParliament.get(parliament) ?? []), doc]);
  }
  let requestLog: LoggedRequest[] = [];
  let byPath = new Map<string, number>();
  let total = 0;
  let lastUserAgent: string | null = null;
  const modes = new Map<string, ModeSetting>();
  const faultState: FaultState = { calls: new Map(), timers: new Set() };

  const setMode = (setting: ModeSetting, target?: ModeTarget) => modes.set(String(target ?? "*"), setting);
  const reset = () => {
    modes.clear();
    faultState.calls.clear();
    byPath = new Map();
    requestLog = [];
    total = 0;
    lastUserAgent = null;
  };
  const bump = (id: number, perSeat: number) => {
    const doc = corpus.find((d) => d.data.id === id);
    if (doc?.data.attributes.state !== "open") throw new Error(`${id} is not an open corpus petition`);
    risen(doc, perSeat);
    doc.data.attributes.updated_at = new Date().toISOString();
  };
  const stats = (): StandInStats => ({ total, byPath: Object.fromEntries(byPath), lastUserAgent });
  const modeFor = (key: string): ModeSetting => modes.get(key) ?? modes.get("*") ?? { mode: "ok" };

  async function control(req: http.IncomingMessage, res: http.ServerResponse, path: string) {
    if (path === "/__stats" && req.method === "GET") return send(res, 200, stats());
    if (path === "/__reset" && req.method === "POST") return (reset(), send(res, 200, { ok: true }));
    if (path === "/__control" && req.method === "POST") {
      const body = (await readBody(req).catch(() => null)) as (ModeSetting & { target?: ModeTarget }) | null;
      const validTarget =
        body?.target === undefined || body.target === "list" || Number.isSafeInteger(body.target);
      if (!body || !isFaultMode(body.mode) || !validTarget) {
        return send(res, 400, { error: "expected {mode, delayMs?, malformed?, target?: id | 'list'}" });
      }
      const { target, ...setting } = body;
      setMode(setting, target);
      return send(res, 200, { ok: true, modes: Object.fromEntries(modes) });
    }
    send(res, 404, { error: "unknown control endpoint" });
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const origin = `http://${req.headers.host ?? "127.0.0.1"}`;
    if (url.pathname.startsWith("/__")) return void control(req, res, url.pathname);
    total += 1;
    requestLog.push({ at: Date.now(), url: url.pathname + url.search });
    byPath.set(url.pathname, (byPath.get(url.pathname) ?? 0) + 1);
    lastUserAgent = req.headers["user-agent"] ?? null;
    if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, { error: "method not allowed" });

    const current = /^\/petitions\/(\d{1,9})\.json$/.exec(url.pathname);
    const archived = /^\/archived\/petitions\/(\d{1,9})\.json$/.exec(url.pathname);
    const id = Number(current?.[1] ?? archived?.[1]);
    const doc = docs.get(id);
    if (current && doc?.data.type === "archived-petition") {
      res.writeHead(302, { location: `${origin}/archived/petitions/${id}.json` });
      return void res.end();
    }
    if ((current || archived) && doc && (doc.data.type === "archived-petition") === Boolean(archived)) {
      return applyFault(modeFor(String(id)), String(id), faultState, req, res, () => structuredClone(doc));
    }
    if (url.pathname === "/petitions.json") {
      const current = [...docs.values()].filter((d) => d.data.type === "petition");
      return applyFault(modeFor("list"), "list", faultState, req, res, () => listing(current, url, origin));
    }
    const parliament = archivedByParliament.get(Number(url.searchParams.get("parliament")));
    if (url.pathname === "/archived/petitions.json" && parliament) {
      return applyFault(modeFor("list"), "list", faultState, req, res, () =>
        listing(parliament, url, origin),
      );
    }
    send(res, 404, { error: "Not Found" });
  });

  // Idle connections stay open until close(): with the default 5 s keep-alive timeout, a test that stalls the
  // shared event loop longer (a loaded machine) has the stand-in drop a connection as the client reuses it.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stats,
    requests: () => [...requestLog],
    listed: () =>
      [
        ...[...docs.values()].filter((doc) => doc.data.type === "petition"),
        ...[...archivedByParliament.values()].flat(),
      ].map((doc) => structuredClone(doc)),
    bump,
    setMode,
    reset,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of faultState.timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const portFlag = process.argv.indexOf("--port");
  const port = portFlag > 0 ? Number(process.argv[portFlag + 1]) : 4010;
  startStandIn({ port, corpus: process.argv.includes("--corpus") }).then((standIn) => {
    console.log(`petitions stand-in listening on ${standIn.url}`);
    const stop = () => void standIn.close().then(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
