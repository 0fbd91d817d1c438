import { expect } from "vitest";
import type { Db } from "@/lib/db/client";
import { checkInvariants } from "@/lib/data/routing/check-invariants";

/** Every routing invariant of docs/ARCHITECTURE.md §3 holds in the database right now. */
export async function expectInvariantsHold(db: Db, now: Date): Promise<void> {
  expect(await checkInvariants(db, now)).toEqual({
    doubleAwards: 0,
    capacityViolations: 0,
    lostOrders: 0,
    fairnessViolations: 0,
    budgetMismatches: 0,
    awardRollupMismatches: 0,
  });
}
