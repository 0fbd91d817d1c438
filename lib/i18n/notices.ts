// Renders a notification's template in a language (lib/domain/notices.ts): in the app when a person reads it, for
// the outbox when it sends an e-mail, push or text message (in the recipient's language), and once in Bahasa
// Indonesia when it is written (the stored title and body: what older readers and exports show).
import { createTranslator } from "use-intl/core";
import { MESSAGES } from "@/lib/i18n/messages";
import type { AppLocale } from "@/lib/i18n/locales";
import { formatDateTimeWIB, formatDateWIB, formatRupiah, TIME_ZONE } from "@/lib/format";
import {
  asNoticeParams,
  isNoticeTemplate,
  noticeValues,
  type NoticeParams,
  type NoticeTemplate,
} from "@/lib/domain/notices";

type Translator = ReturnType<typeof createTranslator<Record<string, unknown>>>;
const translators = new Map<AppLocale, Translator>();

function translator(locale: AppLocale): Translator {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator({ locale, messages: MESSAGES[locale] as Record<string, unknown>, timeZone: TIME_ZONE });
    translators.set(locale, t);
  }
  return t;
}

/** A notification's title and body in `locale`. */
export function renderNotice(
  template: NoticeTemplate,
  params: NoticeParams,
  locale: AppLocale,
): { title: string; body: string } {
  const t = translator(locale);
  const values = noticeValues(params, {
    rupiah: (n) => formatRupiah(n, locale),
    dateTime: (d) => formatDateTimeWIB(d, locale),
    date: (d) => formatDateWIB(d, locale),
    label: (key) => (t.has(key as never) ? t(key as never) : key),
  });
  return {
    title: t(`notices.${template}.title` as never, values as never),
    body: t(`notices.${template}.body` as never, values as never),
  };
}

/**
 * A stored notification's title and body in `locale`: rendered from its template (lib/domain/notices.ts) when it has
 * one the catalogue knows, else the text stored with it (older rows).
 */
export function noticeText(
  row: { title: string; body: string; template: string | null; params: unknown },
  locale: AppLocale,
): { title: string; body: string } {
  const params = asNoticeParams(row.params);
  return isNoticeTemplate(row.template) && params
    ? renderNotice(row.template, params, locale)
    : { title: row.title, body: row.body };
}
