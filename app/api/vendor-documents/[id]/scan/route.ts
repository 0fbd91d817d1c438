import { requireRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fileResponse, withErrorResponse } from "@/lib/http";
import { getDocumentScan } from "@/lib/data/admin/document-scans";

export const dynamic = "force-dynamic";

/** GET a vendor document's scan: admins, and the vendor it belongs to (anyone else: 404). Always a download. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  return withErrorResponse(async () => {
    const user = await requireRole("ADMIN", "VENDOR");
    const { id } = await ctx.params;
    const scan = await getDocumentScan(db(), {
      actor: { role: user.role, vendorId: user.vendorId ?? null },
      documentId: id,
    });
    if (!scan) throw new AppError("NOT_FOUND");
    return fileResponse(scan.bytes, scan.contentType, scan.fileName);
  });
}
