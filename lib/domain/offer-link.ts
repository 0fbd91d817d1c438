// The one-tap link in an offer's message (push, WhatsApp): opens that offer on the vendor's phone without a
// password and lets it be accepted or declined — nothing else. The token names the offer and when it expires, and
// is signed (HMAC-SHA256, a key derived from AUTH_SECRET) over the offer, the vendor it was made to and that expiry:
// it is useless for another offer or vendor, and dead when the offer's deadline passes. Pure: no database here.
import { createHmac, timingSafeEqual } from "node:crypto";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// The link key derived from the secret, once per secret (routing signs a link for every offer it makes).
let derived: { secret: string; key: Buffer } | null = null;
function linkKey(secret: string): Buffer {
  if (derived?.secret !== secret) {
    derived = { secret, key: createHmac("sha256", "mamin-merata:offer-link").update(secret).digest() };
  }
  return derived.key;
}

function signature(secret: string, offerId: string, vendorId: string, expiresAt: Date): Buffer {
  return createHmac("sha256", linkKey(secret)).update(`${offerId}|${vendorId}|${expiresAt.getTime()}`).digest();
}

/** The token for an offer: "<offer id>.<expiry in ms, base 36>.<signature>". */
export function offerLinkToken(secret: string, offer: { id: string; vendorId: string; expiresAt: Date }): string {
  const sig = signature(secret, offer.id, offer.vendorId, offer.expiresAt).toString("base64url");
  return `${offer.id}.${offer.expiresAt.getTime().toString(36)}.${sig}`;
}

/** The offer a token names, before it is checked against the offer itself; null when it is not a token at all. */
export function parseOfferLinkToken(token: string): { offerId: string; expiresAt: Date; sig: string } | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [offerId, exp, sig] = parts as [string, string, string];
  if (!UUID.test(offerId) || !/^[0-9a-z]{1,12}$/.test(exp) || !/^[\w-]{43}$/.test(sig)) return null;
  const ms = parseInt(exp, 36);
  return Number.isFinite(ms) ? { offerId, expiresAt: new Date(ms), sig } : null;
}

/**
 * True when the token was made for exactly this offer, vendor and expiry (compared in constant time). The caller
 * still checks that the offer is pending and its deadline has not passed.
 */
export function offerLinkMatches(
  secret: string,
  token: string,
  offer: { id: string; vendorId: string; expiresAt: Date },
): boolean {
  const parsed = parseOfferLinkToken(token);
  if (!parsed || parsed.offerId !== offer.id || parsed.expiresAt.getTime() !== offer.expiresAt.getTime()) return false;
  const expected = signature(secret, offer.id, offer.vendorId, offer.expiresAt);
  const given = Buffer.from(parsed.sig, "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The path of an offer's one-tap page. */
export function offerLinkPath(token: string): string {
  return `/tawaran/${token}`;
}

/** The reasons a vendor can tap instead of typing when it declines from the link, in the vendor's own words. */
export const QUICK_DECLINE_REASONS = {
  penuh: "Dapur penuh pada hari itu",
  bahan: "Bahan tidak tersedia",
  libur: "Usaha libur pada hari itu",
} as const;
