// The hot path's SQL on node-postgres directly, beside Prisma and over the same connection pool (lib/db/client.ts).
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

function parseArray(text: string, element: (s: string) => unknown): unknown[] {
  const textArray = pg.types.getTypeParser(1009 as Parameters<typeof pg.types.getTypeParser>[0], "text");
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

const pools = new WeakMap<Db, pg.Pool>();

/** Remembers the node-postgres pool a Prisma client runs on (lib/db/client.ts createPrisma). */
export function registerPool(db: Db, pool: pg.Pool): void {
  pools.set(db, pool);
}

function poolOf(db: Db): pg.Pool {
  let pool = pools.get(db);
  if (!pool)
    throw new Error("this Prisma client was not made by createPrisma: no node-postgres pool to run raw SQL on");
  if (pool.ending || pool.ended) {
    // $disconnect ended the shared pool and Prisma reconnects on a pool of its own: the raw statements get a new one
    // with the same settings (closed when idle, so it never keeps a finished process alive).
    pool = new pg.Pool({ ...pool.options, allowExitOnIdle: true });
    pool.on("error", () => {});
    pools.set(db, pool);
  }
  return pool;
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
