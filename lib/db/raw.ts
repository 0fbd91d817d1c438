// The hot path's SQL on node-postgres directly, beside Prisma, on a pool of its own (lib/db/client.ts).
//
// Routing sends a handful of large raw statements per batch; through Prisma's raw-query pipeline each costs the
// single-threaded app about twice the CPU it costs node-postgres (measured 2026-11-30: a 16-row, 160-parameter
// statement 1.07 ms against 0.40 ms of CPU; an interactive transaction of two statements 2.1 ms against 0.55 ms),
// and every round of a burst waits for it. RawSql is the slice of Prisma's client that those statements use
// ($queryRaw, $executeRaw, $executeRawUnsafe): a Prisma client or transaction satisfies it, and so does a
// node-postgres client wrapped here — the same code runs on either. Results are decoded as Prisma decodes a raw
// query's (bigint as BigInt, date as a UTC midnight Date, timestamps as Date, json parsed), and parameters are sent as
// Prisma sends them (a Date as its UTC ISO instant), so a statement reads the same on both; tests/integration/
// raw-sql.test.ts runs the same statements through both and compares.
import { createHash } from "node:crypto";
import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { withRetry } from "@/lib/data/tx";

/** What the routing hot path needs of a database handle: raw statements only. */
export interface RawSql {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Prisma.PrismaPromise<T>;
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Prisma.PrismaPromise<number>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Prisma.PrismaPromise<number>;
}

const { builtins } = pg.types;
const parseBigInt = (s: string) => BigInt(s);
const parseUtcDate = (s: string) => new Date(`${s}T00:00:00.000Z`);
const parseUtcTimestamp = (s: string) => new Date(`${s.replace(" ", "T")}Z`);
// Type OIDs whose text form Prisma decodes differently from node-postgres' defaults (arrays: their element's parser).
const PARSERS: Record<number, (s: string) => unknown> = {
  [builtins.INT8]: parseBigInt,
  [builtins.DATE]: parseUtcDate,
  [builtins.TIMESTAMP]: parseUtcTimestamp,
};
const ARRAY_OF: Record<number, (s: string) => unknown> = {
  1016: parseBigInt,
  1182: parseUtcDate,
  1115: parseUtcTimestamp,
};

// text[]'s parser splits any array's text form into its elements' texts; looked up once, not per value.
const textArray = pg.types.getTypeParser(1009 as Parameters<typeof pg.types.getTypeParser>[0], "text");

function parseArray(text: string, element: (s: string) => unknown): unknown[] {
  return (textArray(text) as (string | null)[]).map((v) => (v === null ? null : element(v)));
}

const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (format !== "binary") {
      const scalar = PARSERS[oid];
      if (scalar) return scalar;
      const element = ARRAY_OF[oid];
      if (element) return (text: string) => parseArray(text, element);
    }
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** A parameter as Prisma sends it: a Date as its UTC instant (node-postgres would use the process's time zone). */
function param(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "bigint") return v.toString();
  if (Array.isArray(v)) return v.map(param);
  return v;
}

function toSql(query: TemplateStringsArray | Prisma.Sql, values: unknown[]): Prisma.Sql {
  return query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
}

/** A node-postgres client (or pool) as RawSql. The returned promises are plain promises, run at once. */
export function rawSqlOn(client: pg.Pool | pg.PoolClient): RawSql {
  const run = async (sql: Prisma.Sql) =>
    client.query({
      name: statementName(sql.text),
      text: sql.text,
      values: sql.values.map(param),
      types,
    });
  return {
    $queryRaw: (async (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) =>
      (await run(toSql(query, values))).rows) as RawSql["$queryRaw"],
    $executeRaw: (async (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) =>
      (await run(toSql(query, values))).rowCount ?? 0) as RawSql["$executeRaw"],
    $executeRawUnsafe: (async (query: string, ...values: unknown[]) =>
      (await client.query({ text: query, values: values.map(param), types })).rowCount ??
      0) as RawSql["$executeRawUnsafe"],
  };
}

/**
 * The name a statement is prepared under on each connection: its text's hash, so a statement parsed once is bound and
 * run again without being parsed (and, once PostgreSQL settles on a generic plan, planned) anew — measured 2026-11-30
 * as about a sixth more orders per second. The hot path's statements are a small, fixed set (a VALUES list has one
 * text per batch size, at most 32), so each connection prepares a bounded number.
 */
function statementName(text: string): string {
  return "mm" + createHash("sha1").update(text).digest("base64url");
}

/**
 * The hot path's own pool. Every statement it runs finds its rows by key (routing, the vendors' answers, the sweep's
 * due offers), so a plan that reads a whole table is never the right one for it. But PostgreSQL makes a prepared
 * statement's generic plan on its sixth run and keeps it: one made while "Order" or "Offer" was small (a new
 * database, the first minutes of a benchmark) joins them by scanning them whole, and goes on doing so as they grow,
 * until an ANALYZE happens to invalidate it. The pool's sessions therefore plan with `enable_seqscan` off — an index is
 * used wherever one serves; a table with no usable index is still scanned — measured on the province sample
 * 2026-11-30: 286 against 261 orders per second with it in the routing transactions alone, p95 47 against 54 ms.
 * Prisma's queries (dashboards and exports that do read whole tables) run on their own pool, unaffected.
 */
function hotPathPool(config: { connectionString: string; max: number }): pg.Pool {
  const pool = new pg.Pool({ ...config, options: "-c enable_seqscan=off", allowExitOnIdle: true });
  // A connection that breaks while idle (the server restarting) leaves the pool; that is not an error of the app's.
  pool.on("error", () => {});
  return pool;
}

interface HotPathEntry {
  pool: pg.Pool;
  config: { connectionString: string; max: number };
}

// Kept on the client object under a process-wide symbol, not in a module-level map: Next.js loads this module once per
// server layer (pages, server actions, route handlers), and every layer must find the pool of the one client.
const HOT_PATH = Symbol.for("mamin-merata.hot-path-pool");
type WithHotPath = Db & { [HOT_PATH]?: HotPathEntry };

/** Gives a Prisma client its hot-path pool (lib/db/client.ts createPrisma); opened lazily, on first use. */
export function registerHotPathPool(db: Db, config: { connectionString: string; max: number }): void {
  Object.defineProperty(db, HOT_PATH, { value: { pool: hotPathPool(config), config }, enumerable: false });
}

/** Closes it (the client's $disconnect); used again afterwards, it opens anew, as Prisma reconnects. */
export async function closeHotPathPool(db: Db): Promise<void> {
  const entry = (db as WithHotPath)[HOT_PATH];
  if (entry && !entry.pool.ending && !entry.pool.ended) await entry.pool.end();
}

function poolOf(db: Db): pg.Pool {
  const entry = (db as WithHotPath)[HOT_PATH];
  if (!entry)
    throw new Error("this Prisma client was not made by createPrisma: no node-postgres pool to run raw SQL on");
  if (entry.pool.ending || entry.pool.ended) entry.pool = hotPathPool(entry.config);
  return entry.pool;
}

/** Raw statements outside a transaction, on the client's pool. */
export function rawSql(db: Db): RawSql {
  return rawSqlOn(poolOf(db));
}

/**
 * Runs `fn` in one transaction on a connection of the client's pool — BEGIN, its statements, COMMIT, or ROLLBACK when
 * it throws — retried whole on deadlock or serialization failure, as lib/data/tx.ts inTransaction does for Prisma.
 */
export async function inRawTransaction<T>(db: Db, fn: (tx: RawSql) => Promise<T>, attempts = 5): Promise<T> {
  const pool = poolOf(db);
  return withRetry(async () => {
    const client = await pool.connect();
    // A connection lost while checked out (the server restarting) is reported by the query that fails; without a
    // listener its socket error would also be raised as an uncaught exception.
    const onError = () => {};
    client.on("error", onError);
    let broken: unknown;
    try {
      await client.query("BEGIN");
      const result = await fn(rawSqlOn(client));
      await client.query("COMMIT");
      return result;
    } catch (e) {
      try {
        await client.query("ROLLBACK");
      } catch (rollbackError) {
        broken = rollbackError; // the connection is unusable: destroy it rather than return it to the pool
      }
      throw e;
    } finally {
      client.removeListener("error", onError);
      client.release(broken instanceof Error ? broken : undefined);
    }
  }, attempts);
}
