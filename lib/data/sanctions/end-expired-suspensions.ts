// An SP2 suspension lasts the configured days: when it ends, the sweep reinstates the vendor (audited as
// the system), unless another suspension is still running. Admins can reinstate earlier by hand.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { SYSTEM_ACTOR, writeAudit } from "@/lib/data/audit";
import { inTransaction, lockVendors } from "@/lib/data/tx";
import { rawSql } from "@/lib/db/raw";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/db/sql/decode";
import { row, uuid } from "@/lib/db/sql/columns";
import { notice, notify } from "@/lib/data/notifications/notify";
import { SUSPENDING_LEVELS } from "@/lib/domain/sanctions";

const endExpiredSuspensionsDueRow = row({ id: uuid });

export async function endExpiredSuspensions(db: Db, clock: Clock): Promise<number> {
  const now = clock.now();
  // On the sweep's every turn: one prepared raw statement (lib/db/raw.ts); "suspending" as lib/domain/sanctions.ts.
  const due = await queryRows(
    rawSql(db),
    "endExpiredSuspensions.due",
    endExpiredSuspensionsDueRow,
    Prisma.sql`
    SELECT v.id FROM "Vendor" v WHERE v.status = 'SUSPENDED' AND NOT EXISTS (
      SELECT 1 FROM "Sanction" s WHERE s."vendorId" = v.id AND s.status = 'CONFIRMED'
        AND s.level::text = ANY(${[...SUSPENDING_LEVELS]}::text[]) AND (s."endsAt" IS NULL OR s."endsAt" > ${now}::timestamptz))`,
  );
  let n = 0;
  for (const v of due) {
    const done = await inTransaction(db, async (tx) => {
      await lockVendors(tx, [v.id]);
      const running = await tx.sanction.count({
        where: {
          vendorId: v.id,
          status: "CONFIRMED",
          level: { in: [...SUSPENDING_LEVELS] },
          OR: [{ endsAt: null }, { endsAt: { gt: now } }],
        },
      });
      const changed =
        running === 0
          ? await tx.vendor.updateMany({
              where: { id: v.id, status: "SUSPENDED" },
              data: { status: "ACTIVE", version: { increment: 1 } },
            })
          : { count: 0 };
      if (changed.count !== 1) return false;
      await writeAudit(tx, SYSTEM_ACTOR, {
        action: "vendor.reinstated",
        entity: "Vendor",
        entityId: v.id,
        before: { status: "SUSPENDED" },
        after: { status: "ACTIVE", reason: "suspension_ended" },
      });
      await notify(tx, { vendorId: v.id }, notice("vendor.reinstated", "suspensionEnded", {}, "/vendor"), now);
      return true;
    });
    if (done) n++;
  }
  return n;
}
