import { z } from "zod";
import { requireRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { fileResponse, withErrorResponse } from "@/lib/http";
import { getDashboard } from "@/lib/data/dashboard/get-dashboard";
import { parsePeriod } from "@/lib/domain/period";
import { renderDashboardXlsx } from "@/lib/documents/dashboard-xlsx";

export const dynamic = "force-dynamic";

/** GET the dashboard's views for a period (and optionally one agency) as an Excel workbook. */
export async function GET(req: Request) {
  return withErrorResponse(async () => {
    const reader = await requireRole("MAYOR", "ADMIN");
    const q = new URL(req.url).searchParams;
    const period = parsePeriod(q.get("period") ?? "");
    if (!period) throw new AppError("VALIDATION");
    const opd = z.string().uuid().safeParse(q.get("opd"));
    const opdId = opd.success ? opd.data : null;
    const d = await getDashboard(db(), { clock: systemClock, actor: reader, period, opdId });
    const scope = opdId ? (d.opds.find((o) => o.id === opdId)?.name ?? "OPD") : "Seluruh Kota Mojokerto";
    const xlsx = await renderDashboardXlsx(d, scope, systemClock.now());
    return fileResponse(
      xlsx,
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      `dasbor-pemerataan-${period.from}-${period.to}.xlsx`,
    );
  });
}
