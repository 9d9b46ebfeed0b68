/** The little SQL surface the history store needs, implemented over SQLite and PostgreSQL. */

export type Dialect = "sqlite" | "postgres";
export type SqlValue = string | number | null | Uint8Array;

export interface Sql {
  readonly dialect: Dialect;
  /** Rows of a query written with `?` placeholders. */
  all<Row>(text: string, params?: readonly SqlValue[]): Promise<Row[]>;
  run(text: string, params?: readonly SqlValue[]): Promise<void>;
  /**
   * Runs `work` in one transaction, serialised with every other writer: SQLite takes the database's write lock up
   * front (BEGIN IMMEDIATE), PostgreSQL row locks taken inside (SELECT … FOR UPDATE).
   */
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `?` placeholders → PostgreSQL's `$1, $2, …` (our statements never contain a literal question mark). */
export function numberedPlaceholders(text: string): string {
  let index = 0;
  return text.replace(/\?/g, () => `$${++index}`);
}

/** Serialises async work on one connection, so a transaction's statements never interleave with another's. */
export class Queue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
