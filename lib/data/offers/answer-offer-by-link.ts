// The vendor answers an offer from its one-tap link (no sign-in: the signed token is the key) — accepted or declined
// as if from the vendor's own session, audited with the link as the way it came.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { offerLinkMatches, parseOfferLinkToken } from "@/lib/domain/offer-link";
import { signingSecret } from "@/lib/env";
import { acceptOffer } from "@/lib/data/offers/accept-offer";
import { declineOffer } from "@/lib/data/offers/decline-offer";

/** The vendor's own account that answers through the link (the oldest active one of that vendor). */
async function vendorActorOf(db: Db, vendorId: string, meta: { ip?: string | null; userAgent?: string | null }) {
  const user = await db.user.findFirst({
    where: { vendorId, role: "VENDOR", active: true },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (!user) throw new AppError("FORBIDDEN");
  return { id: user.id, role: "VENDOR" as const, vendorId, via: "link" as const, ...meta };
}

/** Accepts or declines the offer a genuine link names, as its vendor; anything else is NOT_FOUND. */
export async function answerOfferByLink(
  db: Db,
  opts: {
    clock: Clock;
    token: string;
    answer: { accept: true } | { accept: false; reason: string };
    meta?: { ip?: string | null; userAgent?: string | null };
  },
) {
  const { clock, token, answer, meta = {} } = opts;
  const parsed = parseOfferLinkToken(token);
  const offer = parsed
    ? await db.offer.findUnique({
        where: { id: parsed.offerId },
        select: { id: true, vendorId: true, expiresAt: true },
      })
    : null;
  if (!offer || !offerLinkMatches(signingSecret(), token, offer)) throw new AppError("NOT_FOUND");
  const actor = await vendorActorOf(db, offer.vendorId, meta);
  return answer.accept
    ? acceptOffer(db, { clock, actor, offerId: offer.id })
    : declineOffer(db, { clock, actor, offerId: offer.id, reason: answer.reason });
}
