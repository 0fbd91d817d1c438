"use server";
// Confirming the second factor: the code from the authenticator app; on success, the recovery codes (shown
// once, never stored in clear).
import { requestAddress } from "@/lib/auth/client-address";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { env } from "@/lib/env";
import { getCurrentUser } from "@/lib/auth/guards";
import { confirmMfaEnrolment } from "@/lib/data/user/mfa";
import { isAppError } from "@/lib/errors";

export interface MfaState {
  message?: string;
  recoveryCodes?: string[];
}

export async function confirmMfaAction(_prev: MfaState, formData: FormData): Promise<MfaState> {
  // Any signed-in account reaches this (an admin still enrolling cannot pass requireRole yet).
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const h = await headers();
  const t = await getTranslations("mfa");
  const te = await getTranslations("errors");
  try {
    const r = await confirmMfaEnrolment(
      db(),
      systemClock,
      { id: user.id, role: user.role, ip: requestAddress(h), userAgent: h.get("user-agent") },
      String(formData.get("code") ?? ""),
      env().AUTH_SECRET ?? "",
    );
    return { recoveryCodes: r.recoveryCodes, message: t("enabled") };
  } catch (e) {
    if (!isAppError(e)) throw e;
    return { message: e.code === "VALIDATION" ? t("wrongCode") : te(e.code) };
  }
}
