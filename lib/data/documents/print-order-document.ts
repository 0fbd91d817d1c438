// Printing an order's letter (issue 18): the document for the viewer (order-scope.ts), issued on its first print
// (number, content hash, verification code), with the QR code of its verification page and — on a BAST — the
// delivery photo. The route serves what this returns; tests call it the same way.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import {
  getOrderDocument,
  letterContent,
  type DocumentViewer,
  type OrderDocumentKind,
} from "@/lib/data/documents/get-order-document";
import { issueOrderDocument } from "@/lib/data/documents/issue-document";
import { documentFileName, renderOrderDocumentPdf } from "@/lib/documents/order-letter-pdf";
import { qrPng, verifyUrlFor } from "@/lib/documents/verification-qr";
import { readPhoto } from "@/lib/storage/photos";
import { getLetterhead } from "@/lib/data/admin/letterhead";

export async function printOrderDocument(
  db: Db,
  opts: { clock: Clock; viewer: DocumentViewer; orderId: string; kind: OrderDocumentKind; appUrl: string },
): Promise<
  | { pdf: Buffer; fileName: string; number: string; verifyUrl: string }
  | { pdf: null; reason: "NOT_FOUND" | "NOT_AVAILABLE" }
> {
  const result = await getOrderDocument(db, { actor: opts.viewer, orderId: opts.orderId, kind: opts.kind });
  if (!result.document) return { pdf: null, reason: result.reason };
  const d = result.document;
  // The first print issues the letter its number; later prints repeat it.
  const letter = await issueOrderDocument(db, {
    clock: opts.clock,
    orderId: opts.orderId,
    opdId: d.opd.id,
    opdCode: d.opd.code,
    kind: d.kind,
    content: letterContent(d),
  });
  const verifyUrl = verifyUrlFor(opts.appUrl, letter.verifyCode);
  const [photo, letterhead] = await Promise.all([
    d.delivery?.photoPath ? readPhoto(d.delivery.photoPath) : null,
    getLetterhead(db),
  ]);
  const pdf = await renderOrderDocumentPdf(
    {
      ...d,
      letter: { number: letter.number, contentHash: letter.contentHash, verifyUrl, qrPng: await qrPng(verifyUrl) },
      // pdfkit prints JPEG and PNG; a WebP photo stays on the order page.
      photo: photo && photo.mime !== "image/webp" ? photo.bytes : null,
      letterhead,
    },
    opts.clock.now(),
  );
  return { pdf, fileName: documentFileName(d), number: letter.number, verifyUrl };
}
