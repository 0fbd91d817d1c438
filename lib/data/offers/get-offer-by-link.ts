// The one-tap link's page (lib/domain/offer-link.ts is the token): what it shows of the offer it opens — that offer
// and nothing else; no session is made. The answer given through it: answer-offer-by-link.ts.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { offerLinkMatches, parseOfferLinkToken } from "@/lib/domain/offer-link";
import { signingSecret } from "@/lib/env";
import type { OfferStatus } from "@/lib/generated/prisma/enums";

export interface OfferByLink {
  offerId: string;
  status: OfferStatus;
  expiresAt: Date;
  /** Still answerable now: pending, before its deadline. */
  open: boolean;
  vendorName: string;
  order: {
    number: string;
    eventName: string;
    opdName: string;
    deliveryAt: Date;
    place: string;
    pax: number;
    category: string;
    total: bigint;
    notes: string | null;
  };
}

/** The offer a link names, when the link is genuine for it; null otherwise (the page says so, without detail). */
export async function getOfferByLink(db: Db, opts: { clock: Clock; token: string }): Promise<OfferByLink | null> {
  const { clock, token } = opts;
  const parsed = parseOfferLinkToken(token);
  if (!parsed) return null;
  const offer = await db.offer.findUnique({
    where: { id: parsed.offerId },
    include: {
      vendor: { select: { name: true } },
      order: {
        select: {
          number: true,
          eventName: true,
          deliveryAt: true,
          place: true,
          pax: true,
          category: true,
          total: true,
          notes: true,
          opd: { select: { name: true } },
        },
      },
    },
  });
  if (!offer || !offerLinkMatches(signingSecret(), token, offer)) return null;
  return {
    offerId: offer.id,
    status: offer.status,
    expiresAt: offer.expiresAt,
    open: offer.status === "PENDING" && offer.expiresAt.getTime() > clock.now().getTime(),
    vendorName: offer.vendor.name,
    order: { ...offer.order, opdName: offer.order.opd.name },
  };
}
