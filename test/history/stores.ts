/** The history store under test, once per database: the same suite runs against SQLite and PostgreSQL. */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openPostgres } from "@/lib/history/postgres-sql";
import { openSqlite } from "@/lib/history/sqlite-sql";
import { afterAll, afterEach, beforeAll } from "vitest";
import { HistoryStore } from "@/lib/history/store";
import { skipWithout } from "@/test/dependencies";
import { POSTGRES_MISSING, postgresBinaries, startTempPostgres, type TempPostgres } from "./postgres";

export interface StoreVariant {
  name: "SQLite" | "PostgreSQL";
  /** Its database is missing here (and this is not CI): test/dependencies.ts. */
  skip: boolean;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  /** A store on a new empty database, and a way to open that database again (a restart). */
  fresh(): Promise<{ store: HistoryStore; reopen: () => Promise<HistoryStore> }>;
}

function sqliteVariant(): StoreVariant {
  const dirs: string[] = [];
  return {
    name: "SQLite",
    skip: false,
    setup: async () => undefined,
    teardown: async () => {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
    fresh: async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "history-sqlite-"));
      dirs.push(dir);
      const open = () => HistoryStore.open(openSqlite(dir));
      return { store: await open(), reopen: open };
    },
  };
}

function postgresVariant(): StoreVariant {
  let server: TempPostgres | null = null;
  return {
    name: "PostgreSQL",
    skip: skipWithout(postgresBinaries() !== null, POSTGRES_MISSING),
    setup: async () => {
      server = await startTempPostgres();
      if (!server) throw new Error(POSTGRES_MISSING);
    },
    teardown: async () => {
      await server?.stop();
    },
    fresh: async () => {
      if (!server) throw new Error("PostgreSQL was not started");
      const url = await server.createDatabase();
      const open = () => HistoryStore.open(openPostgres(url));
      return { store: await open(), reopen: open };
    },
  };
}

export function storeVariants(): StoreVariant[] {
  return [sqliteVariant(), postgresVariant()];
}

/**
 * Starts the variant's database for the enclosing describe (stopped after it) and returns `fresh`: a store on a new
 * empty database, and `reopen` for a restart. Every store it hands out is closed after each test.
 */
export function storesFor(variant: StoreVariant) {
  const opened: HistoryStore[] = [];
  beforeAll(() => variant.setup(), 60_000);
  afterAll(() => variant.teardown());
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });
  return async () => {
    const handle = await variant.fresh();
    opened.push(handle.store);
    return {
      store: handle.store,
      /** Closes the store now (a restart's first half); the clean-up then leaves it alone. */
      close: async () => {
        opened.splice(opened.indexOf(handle.store), 1);
        await handle.store.close();
      },
      reopen: async () => {
        const again = await handle.reopen();
        opened.push(again);
        return again;
      },
    };
  };
}
