"use server";
// The vendor's answers, as plain form posts (no client JavaScript needed on a cheap phone):
// authenticate → parse → use case → revalidate → redirect with the outcome in the URL.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { requireRole, requireVendor } from "@/lib/auth/guards";
import { acceptOffer, declineOffer } from "@/lib/data/offers/answer-offer";
import { isAppError } from "@/lib/errors";

const offerIdSchema = z.string().uuid();

async function vendorActor() {
  const user = await requireRole("VENDOR");
  const h = await headers();
  return {
    id: user.id,
    role: user.role,
    vendorId: requireVendor(user),
    ip: h.get("x-forwarded-for"),
    userAgent: h.get("user-agent"),
  };
}

async function answer(run: () => Promise<unknown>, done: string): Promise<never> {
  let target = `/vendor?done=${done}`;
  try {
    await run();
  } catch (e) {
    if (!isAppError(e)) throw e;
    target = `/vendor?error=${e.code}`;
  }
  revalidatePath("/vendor");
  redirect(target);
}

export async function acceptOfferAction(formData: FormData): Promise<void> {
  const actor = await vendorActor();
  const offerId = offerIdSchema.safeParse(formData.get("offerId"));
  if (!offerId.success) redirect("/vendor?error=NOT_FOUND");
  await answer(() => acceptOffer(db(), systemClock, actor, offerId.data), "accepted");
}

export async function declineOfferAction(formData: FormData): Promise<void> {
  const actor = await vendorActor();
  const offerId = offerIdSchema.safeParse(formData.get("offerId"));
  if (!offerId.success) redirect("/vendor?error=NOT_FOUND");
  await answer(
    () => declineOffer(db(), systemClock, actor, offerId.data, String(formData.get("reason") ?? "")),
    "declined",
  );
}
