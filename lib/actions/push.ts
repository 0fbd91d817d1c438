"use server";
// The browser's Web Push subscription, sent by the opt-in button (components/push/push-opt-in.tsx) as a form.
import { requestAddress } from "@/lib/auth/client-address";
import { headers } from "next/headers";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { requireActionRole } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors";
import { getTranslations } from "@/lib/i18n/server";
import { removePushSubscription } from "@/lib/data/notifications/remove-push-subscription";
import { savePushSubscription } from "@/lib/data/notifications/save-push-subscription";

export type PushActionResult = { ok: true } | { ok: false; message: string };

async function actor() {
  const user = await requireActionRole("ADMIN", "MAYOR", "OPD_STAFF", "VENDOR");
  const h = await headers();
  return { id: user.id, role: user.role, ip: requestAddress(h), userAgent: h.get("user-agent") };
}

const field = (f: FormData, k: string) => {
  const v = f.get(k);
  return typeof v === "string" ? v : undefined;
};

export async function savePushSubscriptionAction(formData: FormData): Promise<PushActionResult> {
  const a = await actor();
  try {
    await savePushSubscription(db(), {
      clock: systemClock,
      actor: a,
      input: {
        endpoint: field(formData, "endpoint"),
        p256dh: field(formData, "p256dh"),
        auth: field(formData, "auth"),
      },
    });
    return { ok: true };
  } catch (e) {
    if (isAppError(e)) return { ok: false, message: (await getTranslations("push"))("saveFailed") };
    throw e;
  }
}

export async function removePushSubscriptionAction(formData: FormData): Promise<PushActionResult> {
  const a = await actor();
  try {
    await removePushSubscription(db(), { actor: a, input: { endpoint: field(formData, "endpoint") } });
    return { ok: true };
  } catch (e) {
    if (isAppError(e)) return { ok: false, message: (await getTranslations("push"))("removeFailed") };
    throw e;
  }
}
