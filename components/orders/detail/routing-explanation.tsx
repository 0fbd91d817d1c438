// Why this vendor: the routing decision's ranking (least received first) and who was left out, in words. A server
// component of the OPD's order page.
import { getTranslations } from "@/lib/i18n/server";
import { Card, CardTitle } from "@/components/ui/card";
import { ScrollableTable } from "@/components/ui/table";
import { formatRupiah, type Locale } from "@/lib/format";
import type { OrderDetail } from "@/lib/data/orders/get-order-detail";

/** The reserve ranks every other UMKM of the city: the first few say enough on a phone. */
const SHOWN_CANDIDATES = 5;

export async function RoutingExplanation({
  decision,
  locale,
}: {
  decision: OrderDetail["decisions"][number];
  locale: Locale;
}) {
  const t = await getTranslations();
  return (
    <Card>
      <CardTitle>{t("orderDetail.why")}</CardTitle>
      <p className="mb-3 text-sm text-slate-700">
        {decision.scope === "RESERVE" ? t("orderDetail.whyReserve") : t("orderDetail.whyIntro")}
      </p>
      <p className="mb-2 text-sm font-medium">{t("orderDetail.round", { round: decision.round })}</p>
      {decision.candidates.length > 0 ? (
        <ScrollableTable label={t("orderDetail.why")} minWidth={260}>
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                {t("orderDetail.rank")}
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                {t("orderDetail.vendor")}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {t("orderDetail.weighted")}
              </th>
            </tr>
          </thead>
          <tbody>
            {decision.candidates.slice(0, SHOWN_CANDIDATES).map((c) => (
              <tr key={c.vendorId} className={c.rank === 1 ? "bg-green-50 font-medium" : ""}>
                <td className="py-1 pr-3">{c.rank}</td>
                <td className="py-1 pr-3">{c.name}</td>
                <td className="py-1 text-right tabular-nums">{formatRupiah(Math.round(c.weightedTotal), locale)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollableTable>
      ) : null}
      {decision.candidates.length > SHOWN_CANDIDATES ? (
        <p className="mt-1 text-sm text-slate-600">
          {t("orderDetail.moreCandidates", { count: decision.candidates.length - SHOWN_CANDIDATES })}
        </p>
      ) : null}
      {decision.exclusions.length > 0 ? (
        <>
          <p className="mt-3 text-sm font-medium">
            {decision.scope === "RESERVE" ? t("orderDetail.poolExhausted") : t("orderDetail.excluded")}
          </p>
          <ul className="list-inside list-disc text-sm text-slate-700">
            {decision.exclusions.map((x) => (
              <li key={x.vendorId}>
                {x.name}: {t(`orderDetail.reasons.${x.reason}`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {decision.reserveExcluded.length > 0 ? (
        <p className="mt-3 text-sm text-slate-700">
          {t("orderDetail.reserveExcluded", {
            count: decision.reserveExcluded.reduce((a, x) => a + x.count, 0),
            reasons: decision.reserveExcluded
              .map((x) => `${t(`orderDetail.reasons.${x.reason}`)} (${x.count})`)
              .join(" · "),
          })}
        </p>
      ) : null}
    </Card>
  );
}
