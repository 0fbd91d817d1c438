import { z } from "zod";
import { requireRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fileResponse, withErrorResponse } from "@/lib/http";
import { readPhoto } from "@/lib/storage/photos";

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
    const scope =
      user.role === "OPD_STAFF"
        ? { opdId: user.opdId ?? "-" }
        : user.role === "VENDOR"
          ? { vendorId: user.vendorId ?? "-" }
          : {};
    const f = await db().fulfilment.findFirst({
      where: { orderId: id.data, photoPath: { not: null }, order: scope },
      orderBy: { createdAt: "desc" },
      select: { photoPath: true },
    });
    const photo = f?.photoPath ? await readPhoto(f.photoPath) : null;
    if (!photo) throw new AppError("NOT_FOUND");
    return fileResponse(photo.bytes, photo.mime, `foto-${id.data}.${photo.mime.split("/")[1]}`, true);
  });
}
