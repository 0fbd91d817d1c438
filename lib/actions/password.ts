"use server";
// Changing one's own password: any signed-in account. Success ends every session of the account (the use case bumps
// its session version), so the user signs in again with the new password.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { getCurrentUser } from "@/lib/auth/guards";
import { requestAddress } from "@/lib/auth/client-address";
import { signOut } from "@/lib/auth";
import { changePassword } from "@/lib/data/user/change-password";
import { getTranslations, requestIssues } from "@/lib/i18n/server";
import { isAppError } from "@/lib/errors";

export interface PasswordState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
}

export async function changePasswordAction(_prev: PasswordState, formData: FormData): Promise<PasswordState> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const h = await headers();
  const text = (k: string) => (typeof formData.get(k) === "string" ? String(formData.get(k)) : "");
  try {
    await changePassword(db(), {
      clock: systemClock,
      actor: { id: user.id, role: user.role, ip: requestAddress(h), userAgent: h.get("user-agent") },
      input: { current: text("current"), next: text("next"), confirm: text("confirm") },
    });
  } catch (e) {
    if (!isAppError(e)) throw e;
    const t = await getTranslations("errors");
    return { message: t(e.code), fieldErrors: await requestIssues(e.details?.issues) };
  }
  await signOut({ redirectTo: "/login?password=changed" });
  return {};
}
