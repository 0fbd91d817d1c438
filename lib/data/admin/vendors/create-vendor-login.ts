// The vendor owner's login for the portal (the password kept only as its hash, never in the audit row); a username
// already taken is a CONFLICT, in words.
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { requireAdmin } from "@/lib/data/authorise";
import { inTransaction, isUniqueViolation } from "@/lib/data/tx";
import { hashPassword } from "@/lib/auth/password";
import { parseInput } from "@/lib/validation/parse";
import { vendorLoginSchema } from "@/lib/validation/admin-vendor";
import { vm } from "@/lib/domain/validation-message";

/** The owner's login for the vendor portal. A taken username is a CONFLICT with the field named. */
export async function createVendorLogin(db: Db, opts: { actor: Actor; vendorId: string; input: unknown }) {
  const { actor, vendorId } = opts;
  requireAdmin(actor);
  const input = parseInput(vendorLoginSchema, opts.input);
  const passwordHash = await hashPassword(input.password);
  try {
    await inTransaction(db, async (tx) => {
      const v = await tx.vendor.findUnique({ where: { id: vendorId }, select: { ownerName: true, email: true } });
      if (!v) throw new AppError("NOT_FOUND");
      const user = await tx.user.create({
        data: {
          username: input.username,
          name: v.ownerName,
          email: v.email,
          passwordHash,
          role: "VENDOR",
          vendorId,
        },
      });
      // Never the password, not even hashed.
      await writeAudit(tx, actor, {
        action: "user.created",
        entity: "User",
        entityId: user.id,
        after: { username: input.username, role: "VENDOR", vendorId },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", { issues: { username: [vm("account.usernameTaken")] } });
    throw e;
  }
}
