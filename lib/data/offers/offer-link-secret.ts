// The key an offer's one-tap link is signed with, and the link itself (lib/domain/offer-link.ts), for whoever writes
// an offer's message — routing — without pulling in the answering use cases.
import { signingSecret } from "@/lib/env";
import { offerLinkPath, offerLinkToken } from "@/lib/domain/offer-link";

/** The key offer links are signed with: derived from AUTH_SECRET (a fixed one only outside production). */
export function offerLinkSecret(): string {
  return signingSecret();
}

/** The path of an offer's one-tap page. */
export function offerLinkFor(offer: { id: string; vendorId: string; expiresAt: Date }): string {
  return offerLinkPath(offerLinkToken(offerLinkSecret(), offer));
}
