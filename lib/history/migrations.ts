/**
 * The history schema, one list of versioned migrations for both databases. Each runs once, in a transaction, and
 * is recorded in history_migrations; a migration is never edited after release, only followed by a new one.
 */
import type { Dialect, Sql } from "./sql";

interface Types {
  bigint: string;
  bytes: string;
}

const TYPES: Record<Dialect, Types> = {
  sqlite: { bigint: "INTEGER", bytes: "BLOB" },
  postgres: { bigint: "BIGINT", bytes: "BYTEA" },
};

export interface Migration {
  version: number;
  name: string;
  statements: (types: Types) => string[];
}

// Tables alike in shape (history_petitions, index_petitions) hold different things; released SQL is never merged.
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "snapshots",
    statements: (t) => [
      // One row per petition: the code dictionaries that snapshot vectors index into (comma-joined, append-only).
      `CREATE TABLE history_petitions (
        petition_id ${t.bigint} PRIMARY KEY,
        seat_codes TEXT NOT NULL,
        country_codes TEXT NOT NULL,
        state TEXT,
        thinned_at ${t.bigint} NOT NULL
      )`,
      // chain: 0 for a keyframe, else how many deltas since the last keyframe.
      `CREATE TABLE history_snapshots (
        petition_id ${t.bigint} NOT NULL REFERENCES history_petitions (petition_id) ON DELETE CASCADE,
        fetched_at ${t.bigint} NOT NULL,
        total ${t.bigint} NOT NULL,
        chain INTEGER NOT NULL,
        seats ${t.bytes} NOT NULL,
        countries ${t.bytes} NOT NULL,
        PRIMARY KEY (petition_id, fetched_at)
      )`,
    ],
  },
  {
    version: 2,
    name: "views",
    statements: (t) => [
      // When a petition's page was last shown: the poller follows open petitions viewed in the last 24 hours.
      `CREATE TABLE history_views (
        petition_id ${t.bigint} PRIMARY KEY,
        viewed_at ${t.bigint} NOT NULL
      )`,
      "CREATE INDEX history_views_viewed_at ON history_views (viewed_at)",
    ],
  },
  {
    version: 3,
    name: "petitions index",
    statements: (t) => [
      // The latest copy of every petition the crawler has seen (lib/petition-index). seats: one little-endian
      // uint32 per seat of boundary_set in ONS-code order, so a seat's count is a fixed 4-byte slice of the blob;
      // NULL without a breakdown. in_seats: the sum of those counts. topics, departments: JSON arrays.
      `CREATE TABLE index_petitions (
        petition_id ${t.bigint} PRIMARY KEY,
        title TEXT NOT NULL,
        state TEXT NOT NULL,
        archived INTEGER NOT NULL,
        parliament TEXT,
        signature_count ${t.bigint} NOT NULL,
        created_at TEXT,
        opened_at TEXT,
        closed_at TEXT,
        rejected_at TEXT,
        updated_at TEXT,
        topics TEXT NOT NULL,
        departments TEXT NOT NULL,
        boundary_set TEXT,
        in_seats ${t.bigint} NOT NULL,
        seats ${t.bytes},
        fetched_at ${t.bigint} NOT NULL
      )`,
      "CREATE INDEX index_petitions_set ON index_petitions (boundary_set)",
      // Earlier parliaments whose whole archive has been indexed: their lists no longer change.
      `CREATE TABLE index_parliaments (
        parliament INTEGER PRIMARY KEY,
        petitions INTEGER NOT NULL,
        completed_at ${t.bigint} NOT NULL
      )`,
    ],
  },
  {
    version: 4,
    name: "index fetch order",
    // The seat matrix (lib/petition-index/seat-matrix.ts) reads only the rows fetched since its newest.
    statements: () => ["CREATE INDEX index_petitions_fetched_at ON index_petitions (fetched_at)"],
  },
  {
    version: 5,
    name: "viewers and finished petitions",
    statements: (t) => [
      // Distinct clients watching as of viewed_at: the poller follows the most watched open petitions.
      "ALTER TABLE history_views ADD COLUMN viewers INTEGER NOT NULL DEFAULT 0",
      // When a petition was first seen no longer open: it gets no new snapshots, and one last thinning.
      `ALTER TABLE history_petitions ADD COLUMN finished_at ${t.bigint}`,
    ],
  },
];

/** Applies the migrations this database lacks; safe to call from several processes at once. */
export async function migrate(sql: Sql, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const types = TYPES[sql.dialect];
  return sql.transaction(async (tx) => {
    // PostgreSQL: one migrator at a time (SQLite's BEGIN IMMEDIATE already is).
    if (tx.dialect === "postgres") await tx.run("SELECT pg_advisory_xact_lock(7064303)");
    await tx.run(
      `CREATE TABLE IF NOT EXISTS history_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at ${types.bigint} NOT NULL
      )`,
    );
    const done = new Set(
      (await tx.all<{ version: number }>("SELECT version FROM history_migrations")).map((row) => row.version),
    );
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      for (const statement of migration.statements(types)) await tx.run(statement);
      await tx.run("INSERT INTO history_migrations (version, name, applied_at) VALUES (?, ?, ?)", [
        migration.version,
        migration.name,
        Date.now(),
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}
