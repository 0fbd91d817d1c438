import { requireRole } from "@/lib/auth/guards";
import { fileResponse, withErrorResponse } from "@/lib/http";
import { renderPriorTemplate } from "@/lib/documents/prior-purchase-files";

export const dynamic = "force-dynamic";

/** GET the Excel template for importing the previous year's mamin purchases (admins). */
export async function GET() {
  return withErrorResponse(async () => {
    await requireRole("ADMIN");
    return fileResponse(
      await renderPriorTemplate(),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "templat-pembelian-sebelum-sk.xlsx",
    );
  });
}
