// Server-side translations with translators that live as long as the process. next-intl's own
// `getTranslations` builds a new translator — and so parses every message again and builds a new
// `IntlMessageFormat`, with its locale negotiation — on every request; messages here are static per locale, so one
// translator per locale and namespace serves every request (the locale itself still comes from each request's
// cookie, through next-intl's `getLocale`). Same call signature and the same translator API (`t`, `t.rich`,
// `t.markup`, `t.raw`, `t.has`), from use-intl's public `createTranslator`, with next-intl's defaults (errors
// logged, a missing message shown as its key).
import { getLocale } from "next-intl/server";
import type { getTranslations as nextIntlGetTranslations } from "next-intl/server";
import { createTranslator } from "use-intl/core";
import { toLocale, type AppLocale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { TIME_ZONE } from "@/lib/format";
import { validationIssues, validationText } from "@/lib/i18n/validation";

type Translator = Awaited<ReturnType<typeof nextIntlGetTranslations>>;
const translators = new Map<string, Translator>();

/** The translator of `namespace` in `locale`, built once. */
export function translatorFor(locale: AppLocale, namespace?: string): Translator {
  const key = `${locale}:${namespace ?? ""}`;
  let t = translators.get(key);
  if (!t) {
    t = createTranslator({
      locale,
      messages: MESSAGES[locale],
      namespace: namespace as never,
      timeZone: TIME_ZONE,
    }) as unknown as Translator;
    translators.set(key, t);
  }
  return t;
}

/** The request's language (its cookie), as one of ours. */
export async function requestLocale(): Promise<AppLocale> {
  return toLocale(await getLocale());
}

/** A refusal's field messages (lib/domain/validation-message.ts) in the request's language. */
export async function requestIssues(issues: unknown): Promise<Record<string, string[]> | undefined> {
  return validationIssues(issues as Record<string, string[]> | undefined, await requestLocale());
}

/** A refusal's text in the request's language. */
export async function requestText(text: string): Promise<string> {
  return validationText(text, await requestLocale());
}

/** next-intl's `getTranslations(namespace?)`, for the request's locale, without rebuilding the translator. */
export const getTranslations = (async (namespace?: string) =>
  translatorFor(toLocale(await getLocale()), namespace)) as typeof nextIntlGetTranslations;
