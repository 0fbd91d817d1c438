import { z } from "zod";
import { requireRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fileResponse, withErrorResponse } from "@/lib/http";
import { getDeliveryPhoto } from "@/lib/data/documents/get-delivery-photo";

export const dynamic = "force-dynamic";

/** GET the delivery photo of an order: the ordering OPD, the awarded UMKM and admins only. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  return withErrorResponse(async () => {
    const user = await requireRole("OPD_STAFF", "VENDOR", "ADMIN");
    const id = z
      .string()
      .uuid()
      .safeParse((await ctx.params).id);
    if (!id.success) throw new AppError("NOT_FOUND");
    const photo = await getDeliveryPhoto(db(), { actor: user, orderId: id.data });
    if (!photo) throw new AppError("NOT_FOUND");
    return fileResponse(photo.bytes, photo.mime, `foto-${id.data}.${photo.mime.split("/")[1]}`, true);
  });
}
