// A change to a vendor's record at the version the admin's form was opened with (someone saved it since: CONFLICT,
// nothing overwritten), with its audit row naming what changed — shared by the identity and e-Katalog forms.
import type { AuditAction } from "@/lib/domain/audit-actions";
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { inTransaction, isUniqueViolation } from "@/lib/data/tx";
import { vm } from "@/lib/domain/validation-message";
import type { Prisma } from "@/lib/generated/prisma/client";

export async function updateWithVersion(
  db: Db,
  actor: Actor,
  vendorId: string,
  version: number,
  action: AuditAction,
  build: (before: Prisma.VendorGetPayload<object>) => Prisma.VendorUpdateManyMutationInput,
  /** More of the same change, in the same transaction; what it returns joins the audit row's "after". */
  also?: (tx: Tx) => Promise<Record<string, unknown>>,
) {
  try {
    await inTransaction(db, async (tx) => {
      const before = await tx.vendor.findUnique({ where: { id: vendorId } });
      if (!before) throw new AppError("NOT_FOUND");
      const data = build(before);
      const { count } = await tx.vendor.updateMany({
        where: { id: vendorId, version },
        data: { ...data, version: { increment: 1 } },
      });
      // Someone saved this vendor since the form was opened: nothing is overwritten.
      if (count !== 1) throw new AppError("CONFLICT");
      const changed = Object.fromEntries(Object.keys(data).map((k) => [k, (before as Record<string, unknown>)[k]]));
      const more = also ? await also(tx) : {};
      await writeAudit(tx, actor, {
        action,
        entity: "Vendor",
        entityId: vendorId,
        before: changed,
        after: { ...data, ...more },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", { issues: { code: [vm("vendor.codeTaken")] } });
    throw e;
  }
}
