// How a language writes a notice's or a refusal's values (lib/domain/notices.ts NoticeFormat): rupiah, instants and
// days in WIB, and catalogue labels by the given lookup. Pure (no catalogue imported), so the browser's refusal writer
// (components/i18n/use-validation-text.ts) and the server's (lib/i18n/notices.ts valueFormat) share it.
import type { NoticeFormat } from "@/lib/domain/notices";
import type { AppLocale } from "@/lib/i18n/locales";
import { formatDateTimeWIB, formatDateWIB, formatRupiah } from "@/lib/format";

export function valueFormatWith(locale: AppLocale, label: (key: string) => string): NoticeFormat {
  return {
    rupiah: (n) => formatRupiah(n, locale),
    dateTime: (d) => formatDateTimeWIB(d, locale),
    date: (d) => formatDateWIB(d, locale),
    label,
  };
}
