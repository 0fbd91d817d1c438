// Builds a Prisma client over node-postgres. Shared by the app (lib/db.ts), seeds, tests and benchmarks. Beside it,
// a second pool serves the hot path's raw statements (lib/db/raw.ts): its sessions plan with sequential scans
// disabled (see hotPathPool there), which Prisma's queries — dashboards and exports that do read whole tables — must
// not inherit. $disconnect closes both.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { closeHotPathPool, registerHotPathPool } from "@/lib/db/raw";

export type Db = PrismaClient;

export function createPrisma(connectionString: string, max = 10): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max });
  const db = new PrismaClient({ adapter });
  registerHotPathPool(db, { connectionString, max });
  const disconnect = db.$disconnect.bind(db);
  Object.defineProperty(db, "$disconnect", {
    value: async () => {
      await disconnect();
      await closeHotPathPool(db);
    },
    configurable: true,
  });
  return db;
}

/** What a use case runs its queries on: the client or an interactive transaction. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
