// Says which filter values from the address bar were not valid and so were ignored (e.g. ?from=2026-13-45): the
// list still shows, and the user knows why it is not filtered the way they asked.
import { getTranslations } from "@/lib/i18n/server";

const NAMED = ["from", "to", "q", "page"] as const;

export async function IgnoredFilters({ dropped }: { dropped: readonly string[] }) {
  if (dropped.length === 0) return null;
  const t = await getTranslations("filters");
  const fields = dropped.map((k) => ((NAMED as readonly string[]).includes(k) ? t(k as (typeof NAMED)[number]) : k));
  return (
    <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      {t("ignored", { fields: fields.join(", ") })}
    </p>
  );
}
