// The message catalogues, loaded once: next-intl's request config (client components' messages) and the server
// translators (lib/i18n/server.ts) read the same objects.
import type { AbstractIntlMessages } from "use-intl/core";
import en from "@/messages/en.json";
import id from "@/messages/id.json";
import type { AppLocale } from "@/lib/i18n/locales";

export const MESSAGES: Record<AppLocale, AbstractIntlMessages> = { id, en };
