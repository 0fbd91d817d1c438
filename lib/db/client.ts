// Builds a Prisma client over node-postgres. Shared by the app (lib/db.ts), seeds, tests and benchmarks. The pool is
// made here and shared with the hot path's raw statements (lib/db/raw.ts), so both draw from the same connections.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { registerPool } from "@/lib/db/raw";

export type Db = PrismaClient;

export function createPrisma(connectionString: string, max = 10): PrismaClient {
  const pool = new pg.Pool({ connectionString, max });
  // An idle connection that breaks (the server restarting) leaves the pool; that is not an error of the app's.
  pool.on("error", () => {});
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const db = new PrismaClient({ adapter });
  registerPool(db, pool);
  return db;
}

/** What a use case runs its queries on: the client or an interactive transaction. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
