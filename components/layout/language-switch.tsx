import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { setLocaleAction } from "@/lib/actions/locale";
import { LOCALES } from "@/lib/i18n/locales";
import { cn } from "@/lib/utils";

const LABEL = { id: "Bahasa Indonesia", en: "English" } as const;
const SHORT = { id: "ID", en: "EN" } as const;

/** Two plain form buttons: no client JavaScript needed. */
export async function LanguageSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("nav");
  return (
    <div
      role="group"
      aria-label={t("language")}
      className="flex overflow-hidden rounded-md border border-slate-300 text-xs"
    >
      {LOCALES.map((l) => (
        <form key={l} action={setLocaleAction}>
          <input type="hidden" name="locale" value={l} />
          <button
            type="submit"
            lang={l}
            // The name begins with what the button shows (WCAG 2.5.3, axe label-content-name-mismatch).
            aria-label={`${SHORT[l]} (${LABEL[l]})`}
            aria-pressed={l === locale}
            className={cn(
              "px-2 py-1 font-semibold",
              l === locale ? "bg-brand-700 text-white" : "bg-white text-slate-700 hover:bg-slate-100",
            )}
          >
            {SHORT[l]}
          </button>
        </form>
      ))}
    </div>
  );
}
