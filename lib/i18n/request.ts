// next-intl without locale prefixes in the URL: the locale is a cookie (default Bahasa Indonesia).
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { TIME_ZONE } from "@/lib/format";

export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: MESSAGES[locale], timeZone: TIME_ZONE };
});
