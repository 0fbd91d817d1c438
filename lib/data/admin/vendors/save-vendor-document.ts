// One of a vendor's documents recorded or replaced, with its scan when one is uploaded, in one audited transaction.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { requireAdmin } from "@/lib/data/authorise";
import { inTransaction } from "@/lib/data/tx";
import { checkScan, storeScan } from "@/lib/data/admin/document-scans";
import { parseInput } from "@/lib/validation/parse";
import { documentSchema } from "@/lib/validation/admin-vendor";
import { identityNumberField } from "@/lib/domain/vendor";
import { vm } from "@/lib/domain/validation-message";
import { dayAsDate } from "@/lib/format";
import type { DocumentType } from "@/lib/generated/prisma/enums";

/**
 * Records (or replaces) one of the vendor's documents. NIB and NPWP carry the vendor's own number (typed once, in the
 * identity form): refused in words while the vendor has none.
 */
export async function saveVendorDocument(
  db: Db,
  opts: {
    clock: Clock;
    actor: Actor & { id: string };
    vendorId: string;
    input: unknown;
    /** The document's scan as uploaded (checked here: lib/data/admin/document-scans.ts); none keeps the one stored. */
    scan?: Buffer | null;
  },
) {
  const { clock, actor, vendorId } = opts;
  requireAdmin(actor);
  const input = parseInput(documentSchema, opts.input);
  const scanBytes = opts.scan ?? null;
  const type = input.type as DocumentType;
  const scan = scanBytes && scanBytes.length > 0 ? checkScan(scanBytes) : null;
  await inTransaction(db, async (tx) => {
    const vendor = await tx.vendor.findUnique({ where: { id: vendorId }, select: { nib: true, npwp: true } });
    if (!vendor) throw new AppError("NOT_FOUND");
    const field = identityNumberField(type);
    const number = field ? vendor[field] : input.number!;
    if (!number)
      throw new AppError("VALIDATION", {
        issues: { number: [vm("vendor.identityFirst", { type })] },
      });
    const data = {
      number,
      issuedOn: input.issuedOn ? dayAsDate(input.issuedOn) : null,
      expiresOn: input.expiresOn ? dayAsDate(input.expiresOn) : null,
      // A renewed document is warned about again when its new expiry comes near.
      expiryWarnedAt: null,
    };
    const before = await tx.vendorDocument.findUnique({ where: { vendorId_type: { vendorId, type } } });
    const saved = await tx.vendorDocument.upsert({
      where: { vendorId_type: { vendorId, type } },
      create: { vendorId, type, ...data },
      update: data,
      select: { id: true },
    });
    if (scan) await storeScan(tx, { documentId: saved.id, scan, at: clock.now(), by: actor.id });
    await writeAudit(tx, actor, {
      action: "vendor.document_saved",
      entity: "Vendor",
      entityId: vendorId,
      before: before ? { type: before.type, number: before.number, expiresOn: before.expiresOn } : null,
      after: {
        type: input.type,
        number: data.number,
        issuedOn: data.issuedOn,
        expiresOn: data.expiresOn,
        ...(scan ? { scan: `${scan.contentType}, ${scan.bytes.length} B` } : {}),
      },
    });
  });
}
