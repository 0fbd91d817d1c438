// Who may see an order's papers — its letters, its handover record, its delivery photo: the ordering OPD's staff,
// the awarded UMKM and the admins. One rule for every route that serves them; anyone else gets nothing (→ 404), so
// the existence of another OPD's order is not revealed.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

export interface DocumentViewer {
  role: Role;
  opdId: string | null;
  vendorId: string | null;
}

/** The orders this viewer may see the papers of, as a filter on "Order"; null: none. */
export function orderScopeFor(viewer: DocumentViewer): Prisma.OrderWhereInput | null {
  if (viewer.role === "ADMIN") return {};
  if (viewer.role === "OPD_STAFF" && viewer.opdId) return { opdId: viewer.opdId };
  if (viewer.role === "VENDOR" && viewer.vendorId) return { vendorId: viewer.vendorId };
  return null;
}
