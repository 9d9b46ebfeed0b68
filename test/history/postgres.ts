/**
 * A throwaway PostgreSQL server for tests and benches: Debian's binaries (apt-get install postgresql), a cluster
 * in a temp dir on a free port, run as the postgres user when we are root (initdb refuses root). Null with a
 * reason when the binaries are absent, so only the PostgreSQL variant is skipped.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "@/test/e2e/support/processes";

export interface TempPostgres {
  /** Connection string of the server's postgres database. */
  url: string;
  /** A new empty database on the server; returns its connection string. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/** The directory holding initdb and pg_ctl, or null. */
export function postgresBinaries(): string | null {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && existsSync(path.join(fromEnv, "initdb"))) return fromEnv;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => existsSync(path.join(root, name, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

export const POSTGRES_MISSING = "PostgreSQL binaries not found (apt-get install postgresql, or set PG_BIN)";

function postgresUser(): { uid: number; gid: number } | null {
  const line = spawnSync("getent", ["passwd", "postgres"], { encoding: "utf8" }).stdout.trim();
  const [, , uid, gid] = line.split(":");
  return uid && gid ? { uid: Number(uid), gid: Number(gid) } : null;
}

export async function startTempPostgres(): Promise<TempPostgres | null> {
  const bin = postgresBinaries();
  if (!bin) return null;
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? postgresUser() : null;
  if (asRoot && !owner) throw new Error("Running as root but there is no postgres user to run the server as");
  const dir = mkdtempSync(path.join(os.tmpdir(), "history-pg-"));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = path.join(dir, "data");
  const port = await freePort();
  const run = (command: string, args: string[]) => {
    const full = path.join(bin, command);
    const [file, argv] = owner ? ["runuser", ["-u", "postgres", "--", full, ...args]] : [full, args];
    execFileSync(file, argv, { stdio: "pipe", cwd: dir });
  };
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  run("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "server.log"), "-w", "start"]);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let databases = 0;
  return {
    url,
    async createDatabase() {
      const name = `history_${process.pid}_${++databases}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
