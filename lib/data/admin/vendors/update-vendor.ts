// A vendor's identity and contact changed at the form's version, with its audit row; the NIB and NPWP document
// records follow the identity numbers in the same transaction (typed once: lib/domain/vendor.ts IDENTITY_DOCUMENTS).
import type { Db, Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/data/audit";
import { requireAdmin } from "@/lib/data/authorise";
import { updateWithVersion } from "@/lib/data/admin/vendors/update-with-version";
import { parseInput } from "@/lib/validation/parse";
import { vendorSchema, versionSchema } from "@/lib/validation/admin-vendor";
import { IDENTITY_DOCUMENTS } from "@/lib/domain/vendor";
import type { DocumentType } from "@/lib/generated/prisma/enums";

export async function updateVendor(db: Db, opts: { actor: Actor; vendorId: string; input: unknown }) {
  const { actor, vendorId } = opts;
  requireAdmin(actor);
  const { version, ...rest } = (opts.input ?? {}) as Record<string, unknown>;
  const input = parseInput(vendorSchema, rest);
  const v = parseInput(versionSchema, version);
  await updateWithVersion(
    db,
    actor,
    vendorId,
    v,
    "vendor.updated",
    () => input,
    async (tx) => {
      const removed = await followIdentityNumbers(tx, vendorId, { nib: input.nib ?? null, npwp: input.npwp ?? null });
      return removed.length > 0 ? { documentsRemoved: removed } : {};
    },
  );
}

/**
 * The NIB and NPWP document records follow the vendor's identity fields, in the caller's transaction: a changed
 * number is carried over, a removed one takes its document record with it (a document without its number means
 * nothing). Returns the types whose record was removed, for the audit row.
 */
async function followIdentityNumbers(
  tx: Tx,
  vendorId: string,
  numbers: { nib?: string | null; npwp?: string | null },
): Promise<DocumentType[]> {
  const removed: DocumentType[] = [];
  for (const [type, field] of Object.entries(IDENTITY_DOCUMENTS) as [DocumentType, "nib" | "npwp"][]) {
    const number = numbers[field];
    if (number === undefined) continue;
    if (number) await tx.vendorDocument.updateMany({ where: { vendorId, type, NOT: { number } }, data: { number } });
    else if ((await tx.vendorDocument.deleteMany({ where: { vendorId, type } })).count > 0) removed.push(type);
  }
  return removed;
}
