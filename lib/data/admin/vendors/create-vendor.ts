// A new vendor in the registry (ACTIVE, e-Katalog BELUM), with its audit row; a code already used is a CONFLICT,
// in words.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { requireAdmin } from "@/lib/data/authorise";
import { inTransaction, isUniqueViolation } from "@/lib/data/tx";
import { parseInput } from "@/lib/validation/parse";
import { vendorSchema } from "@/lib/validation/admin-vendor";
import { vm } from "@/lib/domain/validation-message";

/** A new vendor (ACTIVE, e-Katalog BELUM). A taken code is a CONFLICT with the field named. */
export async function createVendor(
  db: Db,
  opts: { clock: Clock; actor: Actor; input: unknown },
): Promise<{ id: string }> {
  const { clock, actor } = opts;
  requireAdmin(actor);
  const input = parseInput(vendorSchema, opts.input);
  try {
    return await inTransaction(db, async (tx) => {
      const v = await tx.vendor.create({ data: { ...input, ekatalogStatus: "BELUM" } });
      await writeAudit(tx, actor, {
        action: "vendor.created",
        entity: "Vendor",
        entityId: v.id,
        after: { ...input, at: clock.now() },
      });
      return { id: v.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", { issues: { code: [vm("vendor.codeTaken")] } });
    throw e;
  }
}
