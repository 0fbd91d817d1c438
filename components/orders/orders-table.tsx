import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { formatDateTimeWIB, formatNumber, formatRupiah, toLocaleTag } from "@/lib/format";
import { ScrollableTable } from "@/components/ui/table";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import type { OrderRow } from "@/lib/data/orders/order-row";

/** The OPD's orders as a table (home page and orders list); each number links to the order page. */
export async function OrdersTable({ rows, label }: { rows: OrderRow[]; label: string }) {
  const t = await getTranslations("opdHome");
  const locale = toLocaleTag(await getLocale());
  const th = "py-2 pr-3 font-medium";
  return (
    <ScrollableTable label={label}>
      <thead className="border-b border-slate-200 text-slate-600">
        <tr>
          <th scope="col" className={th}>
            {t("number")}
          </th>
          <th scope="col" className={th}>
            {t("event")}
          </th>
          <th scope="col" className={th}>
            {t("delivery")}
          </th>
          <th scope="col" className={`${th} text-right`}>
            {t("pax")}
          </th>
          <th scope="col" className={`${th} text-right`}>
            {t("total")}
          </th>
          <th scope="col" className={th}>
            {t("vendor")}
          </th>
          <th scope="col" className="py-2 font-medium">
            {t("status")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((o) => (
          <tr key={o.id} className="border-b border-slate-100 last:border-0">
            <td className="py-2 pr-3 font-mono text-xs">
              <Link href={`/opd/orders/${o.id}`} className="text-brand-700 underline">
                {o.number}
              </Link>
            </td>
            <td className="py-2 pr-3">{o.eventName}</td>
            <td className="py-2 pr-3 whitespace-nowrap">{formatDateTimeWIB(o.deliveryAt, locale)}</td>
            <td className="py-2 pr-3 text-right tabular-nums">{formatNumber(o.pax, locale)}</td>
            <td className="py-2 pr-3 text-right whitespace-nowrap tabular-nums">{formatRupiah(o.total, locale)}</td>
            <td className="py-2 pr-3">{o.vendorName ?? "—"}</td>
            <td className="py-2">
              <OrderStatusBadge status={o.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollableTable>
  );
}
