// What a decree changes against the one it follows: pairs added and removed, by names. A server component of the
// admin's decree page.
import { getTranslations } from "@/lib/i18n/server";
import type { DecreeGrid } from "@/lib/data/decree/get-decree-grid";
import { Card, CardTitle } from "@/components/ui/card";

export async function DecreeDiffCard({ g }: { g: DecreeGrid }) {
  if (!g.diff) return null;
  const t = await getTranslations();
  const opdName = new Map(g.opds.map((o) => [o.id, o.code]));
  const vendorName = new Map(g.vendors.map((v) => [v.id, v.name]));
  return (
    <Card>
      <CardTitle>{t("adminDecrees.diff", { number: g.diff.against })}</CardTitle>
      {g.diff!.added.length + g.diff!.removed.length === 0 ? (
        <p className="text-sm text-slate-600">{t("adminDecrees.noDiff")}</p>
      ) : (
        <div className="grid gap-3 text-sm md:grid-cols-2">
          <div>
            <p className="font-medium text-green-800">{t("adminDecrees.added", { count: g.diff!.added.length })}</p>
            <ul className="list-inside list-disc">
              {g.diff!.added.map((a) => (
                <li key={`${a.opdId}:${a.vendorId}`}>
                  {opdName.get(a.opdId)} + {vendorName.get(a.vendorId)}
                </li>
              ))}
            </ul>
          </div>
          <div>
            <p className="font-medium text-red-800">{t("adminDecrees.removed", { count: g.diff!.removed.length })}</p>
            <ul className="list-inside list-disc">
              {g.diff!.removed.map((a) => (
                <li key={`${a.opdId}:${a.vendorId}`}>
                  {opdName.get(a.opdId)} − {vendorName.get(a.vendorId)}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </Card>
  );
}
