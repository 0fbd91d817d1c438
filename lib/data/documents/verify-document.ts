// A letter's public verification page (issue 18), opened from the QR code printed on it: what the letter says as
// the portal issued it — its number, the OPD, the UMKM's business name, what and how much, the day — the order's
// state now, the hash of its content, and whether the order's data still hash to it. Nothing personal beyond what
// the letter itself names (no contact person, no phone or tax numbers). Null for an unknown code.
import type { Tx } from "@/lib/db/client";
import { getOrderDocument, letterContent } from "@/lib/data/documents/get-order-document";
import { contentHashOf } from "@/lib/data/documents/issue-document";
import type { NumberedKind } from "@/lib/domain/letters";
import type { OrderStatus } from "@/lib/generated/prisma/enums";

export interface Verification {
  kind: NumberedKind;
  number: string;
  issuedAt: Date;
  contentHash: string;
  orderStatus: OrderStatus;
  /** The content as the order's data say it now; null when the letter no longer exists for the order (cancelled). */
  content: ReturnType<typeof letterContent> | null;
  /** Whether that content still hashes to what was printed. */
  intact: boolean | null;
}

const CODE = /^[A-Za-z0-9_-]{8,32}$/;

export async function verifyDocument(tx: Tx, code: string): Promise<Verification | null> {
  if (!CODE.test(code)) return null;
  const issued = await tx.issuedDocument.findUnique({ where: { verifyCode: code } });
  if (!issued) return null;
  const kind = issued.kind as NumberedKind;
  const [doc, order] = await Promise.all([
    getOrderDocument(tx, { actor: { role: "ADMIN", opdId: null, vendorId: null }, orderId: issued.orderId, kind }),
    tx.order.findUniqueOrThrow({ where: { id: issued.orderId }, select: { status: true } }),
  ]);
  const content = doc.document ? letterContent(doc.document) : null;
  return {
    kind,
    number: issued.number,
    issuedAt: issued.issuedAt,
    contentHash: issued.contentHash,
    orderStatus: order.status,
    content,
    intact: content ? contentHashOf(content) === issued.contentHash : null,
  };
}
