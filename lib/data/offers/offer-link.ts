// The one-tap link's server side (lib/domain/offer-link.ts is the token): what the link's page shows, and the answer
// given through it — accepted or declined as the offer's vendor, through the same use cases as the vendor's home,
// audited as given "via link". No session is made: the link opens that offer and nothing else.
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { offerLinkMatches, parseOfferLinkToken } from "@/lib/domain/offer-link";
import { signingSecret } from "@/lib/env";
import { acceptOffer, declineOffer } from "@/lib/data/offers/answer-offer";
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
