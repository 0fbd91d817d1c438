"use server";
// Answers through an offer's one-tap link (no sign-in: the signed link is the vendor's authority for that offer
// alone — lib/data/offers/answer-offer-by-link.ts). Plain form posts; the page shows the outcome.
import { requestAddress } from "@/lib/auth/client-address";
import { headers } from "next/headers";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { runAndRedirect } from "@/lib/actions/form-action";
import { answerOfferByLink } from "@/lib/data/offers/answer-offer-by-link";
import { QUICK_DECLINE_REASONS } from "@/lib/domain/offer-link";

function tokenOf(formData: FormData): string {
  const t = formData.get("token");
  return typeof t === "string" && t.length < 200 ? t : "";
}

async function meta() {
  const h = await headers();
  return { ip: requestAddress(h), userAgent: h.get("user-agent") };
}

export async function acceptOfferByLinkAction(formData: FormData): Promise<void> {
  const token = tokenOf(formData);
  const page = `/tawaran/${encodeURIComponent(token)}`;
  const m = await meta();
  await runAndRedirect(
    page,
    page,
    () => answerOfferByLink(db(), { clock: systemClock, token, answer: { accept: true }, meta: m }),
    "accepted",
  );
}

export async function declineOfferByLinkAction(formData: FormData): Promise<void> {
  const token = tokenOf(formData);
  const page = `/tawaran/${encodeURIComponent(token)}`;
  const choice = formData.get("quick");
  const typed = formData.get("reason");
  const quick = typeof choice === "string" && choice in QUICK_DECLINE_REASONS ? choice : null;
  const reason = quick
    ? QUICK_DECLINE_REASONS[quick as keyof typeof QUICK_DECLINE_REASONS]
    : typeof typed === "string"
      ? typed
      : "";
  const m = await meta();
  await runAndRedirect(
    page,
    page,
    () => answerOfferByLink(db(), { clock: systemClock, token, answer: { accept: false, reason }, meta: m }),
    "declined",
  );
}
