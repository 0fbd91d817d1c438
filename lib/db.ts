import "server-only";
import { env } from "@/lib/env";
import { createPrisma } from "@/lib/db/client";

// One client per server process (kept across hot reloads in development).
const globalForPrisma = globalThis as unknown as { prisma?: ReturnType<typeof createPrisma> };

export function db() {
  if (!globalForPrisma.prisma) {
    const e = env();
    globalForPrisma.prisma = createPrisma(e.DATABASE_URL, e.DATABASE_POOL_MAX);
  }
  return globalForPrisma.prisma;
}
