"use server";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";
import { getCurrentUser } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { rememberLocale } from "@/lib/data/user/remember-locale";

/** The language switch: a plain form post, so it works without JavaScript too. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = toLocale(String(formData.get("locale") ?? ""));
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: false,
  });
  // A signed-in person's choice also sets the language of their e-mails, push and text messages.
  const user = await getCurrentUser();
  if (user) await rememberLocale(db(), user.id, locale);
  revalidatePath("/", "layout");
}
