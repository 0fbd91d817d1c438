import { z } from "zod";
import { requireRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { fileResponse, withErrorResponse } from "@/lib/http";
import { ORDER_DOCUMENT_KINDS, type OrderDocumentKind } from "@/lib/data/documents/get-order-document";
import { printOrderDocument } from "@/lib/data/documents/print-order-document";

export const dynamic = "force-dynamic";

const params = z.object({
  id: z.string().uuid(),
  kind: z.enum(ORDER_DOCUMENT_KINDS as [OrderDocumentKind, ...OrderDocumentKind[]]),
});

/** GET the Surat Pesanan or BAST of an order as PDF: the ordering OPD, the awarded UMKM and admins only. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string; kind: string }> }) {
  return withErrorResponse(async () => {
    const user = await requireRole("OPD_STAFF", "VENDOR", "ADMIN");
    const parsed = params.safeParse(await ctx.params);
    if (!parsed.success) throw new AppError("NOT_FOUND");
    const printed = await printOrderDocument(db(), {
      clock: systemClock,
      viewer: user,
      orderId: parsed.data.id,
      kind: parsed.data.kind,
      appUrl: env().APP_URL,
    });
    if (!printed.pdf) throw new AppError(printed.reason === "NOT_FOUND" ? "NOT_FOUND" : "INVALID_STATE");
    return fileResponse(printed.pdf, "application/pdf", printed.fileName);
  });
}
