import "server-only";
/** Sql over better-sqlite3: one connection per process, WAL so readers never wait for the poller's writes. */
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { Queue, type Sql, type SqlValue } from "./sql";

export const SQLITE_FILE = "history.sqlite";

export function openSqlite(dir: string): Sql {
  mkdirSync(dir, { recursive: true });
  const db = new Database(path.join(dir, SQLITE_FILE));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  // Another process (npm run poller beside the server) may hold the write lock for a moment.
  db.pragma("busy_timeout = 5000");
  const statements = new Map<string, Database.Statement>();
  const prepare = (text: string) => {
    let statement = statements.get(text);
    if (!statement) {
      statement = db.prepare(text);
      statements.set(text, statement);
    }
    return statement;
  };
  return sqliteSql(db, prepare, new Queue(), false);
}

const bind = (values: readonly SqlValue[]) =>
  values.map((value) =>
    value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value) : value,
  );

function sqliteSql(
  db: Database.Database,
  prepare: (text: string) => Database.Statement,
  queue: Queue,
  inTransaction: boolean,
): Sql {
  // Inside a transaction we already hold the queue; outside, each statement takes its turn.
  const turn = <T>(work: () => T): Promise<T> =>
    inTransaction ? Promise.resolve().then(work) : queue.run(work);
  const sql: Sql = {
    dialect: "sqlite",
    all: <Row>(text: string, values: readonly SqlValue[] = []) =>
      turn(() => prepare(text).all(...bind(values)) as Row[]),
    run: (text, values = []) =>
      turn(() => {
        prepare(text).run(...bind(values));
      }),
    transaction: (work) => {
      if (inTransaction) return work(sql);
      return queue.run(async () => {
        db.exec("BEGIN IMMEDIATE");
        try {
          const result = await work(sqliteSql(db, prepare, queue, true));
          db.exec("COMMIT");
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec("ROLLBACK");
          throw error;
        }
      });
    },
    close: () => queue.run(() => void db.close()),
  };
  return sql;
}
