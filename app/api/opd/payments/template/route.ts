import { requireRole } from "@/lib/auth/guards";
import { fileResponse, withErrorResponse } from "@/lib/http";
import { renderPaymentTemplate } from "@/lib/documents/payment-import-files";

export const dynamic = "force-dynamic";

/** GET the Excel template for importing payments (OPD staff; the import itself is for treasurers). */
export async function GET() {
  return withErrorResponse(async () => {
    await requireRole("OPD_STAFF");
    return fileResponse(
      await renderPaymentTemplate(),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "templat-pembayaran-umkm.xlsx",
    );
  });
}
