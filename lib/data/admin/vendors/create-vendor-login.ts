// The vendor owner's login for the portal (the password kept only as its hash, never in the audit row); a username
// already taken is a CONFLICT, in words.
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/data/audit";
import { requireAdmin } from "@/lib/data/authorise";
import { inTransaction } from "@/lib/data/tx";
import { hashPassword } from "@/lib/auth/password";
import { parseInput } from "@/lib/validation/parse";
import { vendorLoginSchema } from "@/lib/validation/admin-vendor";
import { insertAccount, usernameTakenOr } from "@/lib/data/user/insert-account";

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
      await insertAccount(tx, actor, {
        username: input.username,
        name: v.ownerName,
        email: v.email,
        passwordHash,
        role: "VENDOR",
        vendorId,
      });
    });
  } catch (e) {
    throw usernameTakenOr(e);
  }
}
