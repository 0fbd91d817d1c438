// Scans of a vendor's documents (issue 18): a PDF, JPEG or PNG, checked by its bytes and its size, stored beside the
// document in its own table; read back only by admins and by the vendor the document belongs to (anyone else: as if
// it did not exist).
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { extensionOf, fileKindOf } from "@/lib/domain/file-types";
import type { Role } from "@/lib/generated/prisma/enums";
import { vm } from "@/lib/domain/validation-message";

export const MAX_SCAN_BYTES = 5 * 1024 * 1024;
export const SCAN_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;

/** A scan checked in memory: not empty, at most 5 MB, a PDF, JPEG or PNG by its bytes. */
export function checkScan(bytes: Buffer): { bytes: Buffer; contentType: (typeof SCAN_TYPES)[number] } {
  const refuse = (why: string) => new AppError("VALIDATION", { issues: { scan: [why] } });
  if (bytes.length === 0) throw refuse(vm("vendor.scanEmpty"));
  if (bytes.length > MAX_SCAN_BYTES) throw refuse(vm("vendor.scanTooBig"));
  const kind = fileKindOf(bytes, SCAN_TYPES);
  if (!kind) throw refuse(vm("vendor.scanType"));
  return { bytes, contentType: kind.mime };
}

/** Writes (or replaces) a document's scan in the caller's transaction. */
export async function storeScan(
  tx: Tx,
  opts: { documentId: string; scan: ReturnType<typeof checkScan>; at: Date; by: string | null },
): Promise<void> {
  const data = {
    bytes: new Uint8Array(opts.scan.bytes),
    contentType: opts.scan.contentType,
    size: opts.scan.bytes.length,
    uploadedAt: opts.at,
    uploadedById: opts.by,
  };
  await tx.vendorDocumentScan.upsert({
    where: { documentId: opts.documentId },
    create: { documentId: opts.documentId, ...data },
    update: data,
  });
}

/** A document's scan for the viewer: admins, or the vendor it belongs to; null for anyone else or no scan. */
export async function getDocumentScan(
  tx: Tx,
  opts: { actor: { role: Role; vendorId: string | null }; documentId: string },
): Promise<{ bytes: Buffer; contentType: string; fileName: string } | null> {
  const { actor: viewer, documentId } = opts;
  if (!/^[0-9a-f-]{36}$/i.test(documentId)) return null;
  if (viewer.role !== "ADMIN" && !(viewer.role === "VENDOR" && viewer.vendorId)) return null;
  const scan = await tx.vendorDocumentScan.findFirst({
    where: {
      documentId,
      ...(viewer.role === "ADMIN" ? {} : { document: { vendorId: viewer.vendorId! } }),
    },
    include: { document: { select: { type: true, vendor: { select: { code: true } } } } },
  });
  if (!scan) return null;
  return {
    bytes: Buffer.from(scan.bytes),
    contentType: scan.contentType,
    fileName: `${scan.document.vendor.code}-${scan.document.type}.${extensionOf(scan.contentType as (typeof SCAN_TYPES)[number])}`,
  };
}
