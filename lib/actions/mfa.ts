"use server";
// The second factor's set-up: the enrolment code another admin issued (opens the set-up), the code from the
// authenticator app (confirms it; on success, the recovery codes, shown once, never stored in clear); and, for
// admins, issuing an enrolment code for another admin or the mayor (shown once).
import { requestAddress } from "@/lib/auth/client-address";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getTranslations } from "@/lib/i18n/server";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { env } from "@/lib/env";
import { getCurrentUser } from "@/lib/auth/guards";
import { confirmMfaEnrolment } from "@/lib/data/user/mfa/confirm-mfa-enrolment";
import { issueMfaEnrolmentCode } from "@/lib/data/user/mfa/issue-mfa-enrolment-code";
import { openMfaEnrolment } from "@/lib/data/user/mfa/open-mfa-enrolment";
import { adminActor } from "@/lib/actions/form-action";
import { formatDateTimeWIB } from "@/lib/format";
import { isAppError } from "@/lib/errors";

export interface MfaState {
  message?: string;
  recoveryCodes?: string[];
}

/** Any signed-in account (an admin still enrolling cannot pass the role checks yet), with its address for the audit. */
async function enrollingActor() {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const h = await headers();
  return { id: user.id, role: user.role, ip: requestAddress(h), userAgent: h.get("user-agent") };
}

export async function openMfaEnrolmentAction(_prev: MfaState, formData: FormData): Promise<MfaState> {
  const actor = await enrollingActor();
  const t = await getTranslations("mfa");
  const te = await getTranslations("errors");
  try {
    await openMfaEnrolment(db(), {
      clock: systemClock,
      actor,
      code: String(formData.get("enrolmentCode") ?? ""),
      authSecret: env().AUTH_SECRET ?? "",
    });
  } catch (e) {
    if (!isAppError(e)) throw e;
    return { message: e.code === "VALIDATION" ? t("wrongEnrolmentCode") : te(e.code) };
  }
  redirect("/account/mfa");
}

export async function confirmMfaAction(_prev: MfaState, formData: FormData): Promise<MfaState> {
  const actor = await enrollingActor();
  const t = await getTranslations("mfa");
  const te = await getTranslations("errors");
  try {
    const r = await confirmMfaEnrolment(db(), {
      clock: systemClock,
      actor,
      code: String(formData.get("code") ?? ""),
      authSecret: env().AUTH_SECRET ?? "",
    });
    return { recoveryCodes: r.recoveryCodes, message: t("enabled") };
  } catch (e) {
    if (!isAppError(e)) throw e;
    const field = Object.keys((e.details?.issues as object | undefined) ?? {})[0];
    return {
      message:
        e.code === "VALIDATION" ? (field === "enrolmentCode" ? t("wrongEnrolmentCode") : t("wrongCode")) : te(e.code),
    };
  }
}

export interface IssueCodeState {
  message?: string;
  issued?: { username: string; code: string; expiresAt: string };
}

/** An admin issues an enrolment code for another admin or the mayor (shown once, to hand over in person). */
export async function issueMfaCodeAction(_prev: IssueCodeState, formData: FormData): Promise<IssueCodeState> {
  const actor = await adminActor();
  const t = await getTranslations("adminAccounts");
  const te = await getTranslations("errors");
  const userId = z.string().uuid().safeParse(formData.get("userId"));
  if (!userId.success) return { message: te("NOT_FOUND") };
  try {
    const r = await issueMfaEnrolmentCode(db(), { clock: systemClock, actor, userId: userId.data });
    revalidatePath("/admin/accounts");
    return { issued: { username: r.username, code: r.code, expiresAt: formatDateTimeWIB(r.expiresAt) } };
  } catch (e) {
    if (!isAppError(e)) throw e;
    return { message: e.code === "VALIDATION" ? t("notForYourself") : te(e.code) };
  }
}
