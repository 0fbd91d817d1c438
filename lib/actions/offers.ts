"use server";
// The vendor's answers, as plain form posts (no client JavaScript needed on a cheap phone):
// authenticate → parse → use case → revalidate → redirect with the outcome in the URL.
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { acceptOffer } from "@/lib/data/offers/accept-offer";
import { declineOffer } from "@/lib/data/offers/decline-offer";
import { idField, runAndRedirect, vendorActor } from "@/lib/actions/form-action";

export async function acceptOfferAction(formData: FormData): Promise<void> {
  const actor = await vendorActor();
  const offerId = idField(formData, "offerId", "/vendor?error=NOT_FOUND");
  await runAndRedirect(
    "/vendor",
    "/vendor",
    () => acceptOffer(db(), { clock: systemClock, actor, offerId }),
    "accepted",
  );
}

export async function declineOfferAction(formData: FormData): Promise<void> {
  const actor = await vendorActor();
  const offerId = idField(formData, "offerId", "/vendor?error=NOT_FOUND");
  const reason = String(formData.get("reason") ?? "");
  await runAndRedirect(
    "/vendor",
    "/vendor",
    () => declineOffer(db(), { clock: systemClock, actor, offerId, reason }),
    "declined",
  );
}
