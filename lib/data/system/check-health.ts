import type { Db } from "@/lib/db/client";

export interface Health {
  status: "ok" | "degraded";
  db: "ok" | "down";
}

/** Liveness of the app and its database; never throws, bounded by a timeout. */
export async function checkHealth(db: Db, timeoutMs = 2000): Promise<Health> {
  try {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
    return { status: "ok", db: "ok" };
  } catch {
    return { status: "degraded", db: "down" };
  }
}
