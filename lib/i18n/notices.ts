// Renders a notification's template in a language (lib/domain/notices.ts): in the app when a person reads it, for
// the outbox when it sends an e-mail, push or text message (in the recipient's language), and once in Bahasa
// Indonesia when it is written (the stored title and body: what older readers and exports show).
import { createTranslator } from "use-intl/core";
import { MESSAGES } from "@/lib/i18n/messages";
import type { AppLocale } from "@/lib/i18n/locales";
import { TIME_ZONE } from "@/lib/format";
import { valueFormatWith } from "@/lib/i18n/value-format";
import {
  asNoticeParams,
  isNoticeTemplate,
  noticeValues,
  type NoticeFormat,
  type NoticeParams,
  type NoticeTemplate,
} from "@/lib/domain/notices";

type Translator = ReturnType<typeof createTranslator<Record<string, unknown>>>;
const translators = new Map<AppLocale, Translator>();

/** The whole catalogue's translator in `locale`, built once (also the validation messages', lib/i18n/validation.ts). */
export function catalogueTranslator(locale: AppLocale): Translator {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator({ locale, messages: MESSAGES[locale] as Record<string, unknown>, timeZone: TIME_ZONE });
    translators.set(locale, t);
  }
  return t;
}

/** How `locale` writes a notice's or a refusal's values: rupiah, instants and days in WIB, catalogue labels. */
export function valueFormat(locale: AppLocale): NoticeFormat {
  const t = catalogueTranslator(locale);
  return valueFormatWith(locale, (key) => (t.has(key as never) ? t(key as never) : key));
}

/** A notification's title and body in `locale`. */
export function renderNotice(
  template: NoticeTemplate,
  params: NoticeParams,
  locale: AppLocale,
): { title: string; body: string } {
  const t = catalogueTranslator(locale);
  const values = noticeValues(params, valueFormat(locale));
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
