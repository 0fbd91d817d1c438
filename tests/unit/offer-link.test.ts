// The one-tap link's token (lib/domain/offer-link.ts): good for one offer of one vendor until one deadline.
import { describe, expect, it } from "vitest";
import { offerLinkMatches, offerLinkToken, parseOfferLinkToken } from "@/lib/domain/offer-link";

const offer = {
  id: "0b6f3c1e-2a44-4d3b-9c1a-1f2e3d4c5b6a",
  vendorId: "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
  expiresAt: new Date("2026-06-01T04:00:00Z"),
};
const secret = "unit-test-secret-unit-test-secret";

describe("offer links", () => {
  it("match the offer, vendor and deadline they were made for, and nothing else", () => {
    const token = offerLinkToken(secret, offer);
    expect(offerLinkMatches(secret, token, offer)).toBe(true);
    expect(parseOfferLinkToken(token)).toMatchObject({ offerId: offer.id, expiresAt: offer.expiresAt });
    expect(offerLinkMatches(secret, token, { ...offer, vendorId: "6a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d" })).toBe(false);
    expect(offerLinkMatches(secret, token, { ...offer, id: "1b6f3c1e-2a44-4d3b-9c1a-1f2e3d4c5b6a" })).toBe(false);
    expect(offerLinkMatches(secret, token, { ...offer, expiresAt: new Date("2026-06-01T05:00:00Z") })).toBe(false);
    expect(offerLinkMatches("another-secret-another-secret-xx", token, offer)).toBe(false);
  });
  it("refuse edited and malformed tokens", () => {
    const token = offerLinkToken(secret, offer);
    const [id, exp, sig] = token.split(".") as [string, string, string];
    const later = (offer.expiresAt.getTime() + 3_600_000).toString(36);
    expect(
      offerLinkMatches(secret, `${id}.${later}.${sig}`, { ...offer, expiresAt: new Date(parseInt(later, 36)) }),
    ).toBe(false);
    const flipped = sig.slice(0, -1) + (sig.endsWith("A") ? "B" : "A");
    expect(offerLinkMatches(secret, `${id}.${exp}.${flipped}`, offer)).toBe(false);
    for (const bad of [
      "",
      "x.y.z",
      `${id}.${exp}`,
      `${id}.${exp}.${sig}.extra`,
      `not-a-uuid.${exp}.${sig}`,
      `${id}.-1.${sig}`,
    ])
      expect(parseOfferLinkToken(bad)).toBeNull();
  });
});
