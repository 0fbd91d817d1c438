import { z } from "zod";
import { requireRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { fileResponse, withErrorResponse } from "@/lib/http";
import { getDecreeFile } from "@/lib/data/decree/get-decree-file";
import { decreeFileName, renderDecreePdf, renderDecreeXlsx } from "@/lib/documents/decree-files";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().uuid(), format: z.enum(["pdf", "xlsx"]) });

/** GET a decree's allocation as the SK's PDF attachment or as the Excel matrix (admins and the mayor's office). */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string; format: string }> }) {
  return withErrorResponse(async () => {
    const user = await requireRole("ADMIN", "MAYOR");
    const p = params.safeParse(await ctx.params);
    if (!p.success) throw new AppError("NOT_FOUND");
    const file = await getDecreeFile(db(), { actor: user, decreeId: p.data.id });
    if (!file) throw new AppError("NOT_FOUND");
    const now = systemClock.now();
    return p.data.format === "pdf"
      ? fileResponse(await renderDecreePdf(file, now), "application/pdf", decreeFileName(file.number, "pdf"))
      : fileResponse(
          await renderDecreeXlsx(file, now),
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          decreeFileName(file.number, "xlsx"),
        );
  });
}
