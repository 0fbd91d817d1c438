import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";

/** Previous / "page x of y" / next, as plain links (the page state lives in the URL). */
export async function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  const t = await getTranslations("orderList");
  const label = t("pageOf", { page, pages });
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className="font-medium text-brand-700 underline">
          {t("prev")}
        </Link>
      ) : (
        <span />
      )}
      <span>{label}</span>
      {page < pages ? (
        <Link href={href(page + 1)} className="font-medium text-brand-700 underline">
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
