import { requireRole } from "@/lib/auth/guards";
import { fileResponse, withErrorResponse } from "@/lib/http";
import { renderVendorTemplate } from "@/lib/documents/vendor-import-files";

export const dynamic = "force-dynamic";

/** GET the Excel template for importing vendors (admins). */
export async function GET() {
  return withErrorResponse(async () => {
    await requireRole("ADMIN");
    return fileResponse(
      await renderVendorTemplate(),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "templat-impor-umkm.xlsx",
    );
  });
}
