import { requireRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { fileResponse, withErrorResponse } from "@/lib/http";
import { orderListQuerySchema } from "@/lib/data/orders/list-opd-orders";
import { EXPORT_MAX_ROWS, exportOpdOrders } from "@/lib/data/orders/export-opd-orders";
import { renderOrdersXlsx } from "@/lib/documents/orders-xlsx";
import { wibDay } from "@/lib/format";
import id from "@/messages/id.json";

export const dynamic = "force-dynamic";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** GET the OPD's orders (the list's filters from the query string) as an Excel workbook. */
export async function GET(req: Request) {
  return withErrorResponse(async () => {
    const user = await requireRole("OPD_STAFF");
    const query = orderListQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    const { opdName, rows, truncated } = await exportOpdOrders(db(), { actor: user, query });
    const filters = [
      query.q ? `Cari: "${query.q}"` : null,
      query.status ? `Status: ${id.status.order[query.status]}` : null,
      query.from ? `Dari: ${query.from}` : null,
      query.to ? `Sampai: ${query.to}` : null,
      truncated ? `Hanya ${EXPORT_MAX_ROWS} baris pertama: persempit filter.` : null,
    ].filter(Boolean);
    const now = systemClock.now();
    const xlsx = await renderOrdersXlsx(opdName, rows, now, filters.length ? filters.join("; ") : "Semua pesanan.");
    return fileResponse(xlsx, XLSX, `pesanan-mamin-${wibDay(now)}.xlsx`);
  });
}
