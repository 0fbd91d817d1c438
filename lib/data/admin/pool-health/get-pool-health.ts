// The admins' view of pool health under the decree in force: thin pools, the amendment that would refill them, the
// open prepared draft, and the UMKM routing cannot offer every kind of order to (lib/data/admin/pool-health/
// read-pool-health.ts). Admins only.
import type { Tx } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import type { Actor } from "@/lib/data/audit";
import { requireAdmin } from "@/lib/data/authorise";
import { readPoolHealth, type PoolHealth } from "@/lib/data/admin/pool-health/read-pool-health";

export type { PoolHealth } from "@/lib/data/admin/pool-health/read-pool-health";

export async function getPoolHealth(tx: Tx, opts: { clock: Clock; actor: Actor }): Promise<PoolHealth> {
  requireAdmin(opts.actor);
  return readPoolHealth(tx, opts.clock);
}
