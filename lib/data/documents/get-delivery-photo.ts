// An order's delivery photo (the latest taken), for whoever may see the order's papers (order-scope.ts); null
// otherwise, or when there is none.
import type { Db } from "@/lib/db/client";
import { readPhoto } from "@/lib/storage/photos";
import { orderScopeFor, type DocumentViewer } from "@/lib/data/documents/order-scope";

export async function getDeliveryPhoto(
  db: Db,
  opts: { actor: DocumentViewer; orderId: string },
): Promise<{ bytes: Buffer; mime: string } | null> {
  const { actor: viewer, orderId } = opts;
  const scope = orderScopeFor(viewer);
  if (!scope) return null;
  const f = await db.fulfilment.findFirst({
    where: { orderId, photoPath: { not: null }, order: scope },
    orderBy: { createdAt: "desc" },
    select: { photoPath: true },
  });
  return f?.photoPath ? await readPhoto(f.photoPath) : null;
}
