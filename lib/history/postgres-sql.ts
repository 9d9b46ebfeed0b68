import "server-only";
/** Sql over node-postgres (DATABASE_URL): a small pool; BIGINT columns come back as numbers, not strings. */
import pg from "pg";
import { numberedPlaceholders, type Sql, type SqlValue } from "./sql";

const INT8_OID = 20;

/** Epoch milliseconds and signature counts fit a double exactly, so BIGINT → number loses nothing. */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID && format !== "binary"
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function openPostgres(connectionString: string): Sql {
  const pool = new pg.Pool({ connectionString, max: 4, types, idleTimeoutMillis: 30_000 });
  // An idle client's error (e.g. the server restarting) must not crash the process.
  pool.on("error", (error) =>
    console.error(JSON.stringify({ event: "history-db-error", error: String(error) })),
  );
  return postgresSql((text, values) => pool.query(text, values), {
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(postgresSql((text, values) => client.query(text, values), null));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  });
}

type Query = (text: string, values: unknown[]) => Promise<pg.QueryResult>;

function postgresSql(
  query: Query,
  outer: { transaction: Sql["transaction"]; close: () => Promise<void> } | null,
): Sql {
  const values = (params: readonly SqlValue[]) =>
    params.map((value) =>
      value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value) : value,
    );
  const sql: Sql = {
    dialect: "postgres",
    all: async <Row>(text: string, params: readonly SqlValue[] = []) =>
      (await query(numberedPlaceholders(text), values(params))).rows as Row[],
    run: async (text, params = []) => {
      await query(numberedPlaceholders(text), values(params));
    },
    // Nested transactions join the one already open.
    transaction: (work) => (outer ? outer.transaction(work) : work(sql)),
    close: () => (outer ? outer.close() : Promise.resolve()),
  };
  return sql;
}
