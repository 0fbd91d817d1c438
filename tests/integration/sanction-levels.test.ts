// "Suspended" has one definition (lib/domain/sanctions.ts SUSPENDING_LEVELS: a confirmed SP2 or SP3 while it runs)
// and an SQL mirror in the routing standings (mm_pool_standings' `suspended`). This compares the two for every level
// and state of a sanction, so the two cannot drift apart.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/integration-setup";
import { createCity } from "@/tests/factories/routing";
import { readStandings } from "@/lib/db/sql/standings";
import { SUSPENDING_LEVELS } from "@/lib/domain/sanctions";
import type { SanctionLevel, SanctionStatus } from "@/lib/generated/prisma/enums";

const NOW = new Date("2026-06-01T02:00:00Z");

describe("a suspended vendor, in TypeScript and in SQL", () => {
  it("is one under a confirmed, running sanction of a suspending level — and only then", async () => {
    const db = testDb();
    const city = await createCity(db, { opds: 1, vendors: 1, pools: [[0]] });
    const vendorId = city.vendors[0]!.id;
    const order = { id: randomUUID(), deliveryAt: NOW, deliveryDay: new Date("2026-06-01T00:00:00Z") };
    const levels: SanctionLevel[] = ["SP1", "SP2", "SP3"];
    const statuses: SanctionStatus[] = ["PROPOSED", "CONFIRMED", "OVERRIDDEN", "REVOKED"];
    let checked = 0;
    for (const level of levels)
      for (const status of statuses)
        for (const endsAt of [null, new Date(NOW.getTime() + 86_400_000), new Date(NOW.getTime() - 60_000)]) {
          await db.sanction.deleteMany({ where: { vendorId } });
          await db.sanction.create({
            data: { vendorId, level, status, cause: "uji", startsAt: new Date(NOW.getTime() - 86_400_000), endsAt },
          });
          const [row] = await readStandings(db, [vendorId], order, NOW);
          const running = status === "CONFIRMED" && (endsAt === null || endsAt.getTime() > NOW.getTime());
          const expected = running && (SUSPENDING_LEVELS as readonly SanctionLevel[]).includes(level);
          expect({ level, status, endsAt, suspended: row!.suspended }).toEqual({
            level,
            status,
            endsAt,
            suspended: expected,
          });
          checked++;
        }
    expect(checked).toBe(36);
  });
});
