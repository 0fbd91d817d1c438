// The key an offer's one-tap link is signed with, and the link itself (lib/domain/offer-link.ts), for whoever writes
// an offer's message — routing — without pulling in the answering use cases.
import { signingSecret } from "@/lib/env";
import { offerLinkPath, offerLinkToken } from "@/lib/domain/offer-link";

/** The path of an offer's one-tap page. */
export function offerLinkFor(offer: { id: string; vendorId: string; expiresAt: Date }): string {
  return offerLinkPath(offerLinkToken(signingSecret(), offer));
}
