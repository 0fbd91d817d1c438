import { z } from "zod";
import { requireRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { fileResponse, withErrorResponse } from "@/lib/http";
import { getInvoiceDocument } from "@/lib/data/documents/get-invoice-document";
import { getSettings } from "@/lib/data/settings/get-settings";
import { kuitansiFileName, renderKuitansiPdf } from "@/lib/documents/kuitansi-pdf";

export const dynamic = "force-dynamic";

/** GET an invoice's kuitansi as PDF: the ordering OPD, the vendor that issued it and admins only. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  return withErrorResponse(async () => {
    const user = await requireRole("OPD_STAFF", "VENDOR", "ADMIN");
    const parsed = z
      .string()
      .uuid()
      .safeParse((await ctx.params).id);
    if (!parsed.success) throw new AppError("NOT_FOUND");
    const [document, settings] = await Promise.all([
      getInvoiceDocument(db(), { actor: user, invoiceId: parsed.data }),
      getSettings(db()),
    ]);
    if (!document) throw new AppError("NOT_FOUND");
    const pdf = await renderKuitansiPdf(document, systemClock.now(), settings.meteraiThreshold);
    return fileResponse(pdf, "application/pdf", kuitansiFileName(document));
  });
}
