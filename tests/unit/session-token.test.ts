// The session cookie is Auth.js's own encrypted JWT; lib/auth/session.ts opens it (and remembers what it opened).
import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { verifySessionToken } from "@/lib/auth/session";

const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
const NAME = "authjs.session-token";
const claims = {
  uid: "0b6f5a5e-1f0e-4c55-9a57-3d3f0f3a9c11",
  role: "VENDOR",
  opdId: null,
  vendorId: "5d1f0c1e-8f55-4b52-9d5c-0a1b2c3d4e5f",
  sv: 3,
  sid: "6a0e2f5b-3c4d-4e5f-8a9b-0c1d2e3f4a5b",
  at: Math.floor(Date.now() / 1000),
};
const token = (over: Record<string, unknown> = {}, opts: { salt?: string; secret?: string; maxAge?: number } = {}) =>
  encode({
    token: { ...claims, ...over },
    secret: opts.secret ?? SECRET,
    salt: opts.salt ?? NAME,
    maxAge: opts.maxAge ?? 3600,
  });

describe("verifySessionToken", () => {
  it("reads the claims Auth.js wrote", async () => {
    const c = await verifySessionToken(await token(), NAME, SECRET);
    expect(c).toMatchObject({ userId: claims.uid, role: "VENDOR", sessionVersion: 3, sid: claims.sid });
    expect(c!.expires.getTime()).toBeGreaterThan(Date.now() + 3500_000);
    expect(c!.expires.getTime()).toBeLessThanOrEqual(Date.now() + 3600_000);
  });

  it("opens a token once and remembers it until it expires", async () => {
    const t = await token({ sid: "11111111-2222-4333-8444-555555555555" });
    const first = await verifySessionToken(t, NAME, SECRET);
    expect(first).not.toBeNull();
    expect(await verifySessionToken(t, NAME, SECRET)).toBe(first);
    // Past its expiry the remembered token is refused, and stays refused.
    const later = first!.expires.getTime() + 1;
    expect(await verifySessionToken(t, NAME, SECRET, later)).toBeNull();
    expect(await verifySessionToken(t, NAME, SECRET, later)).toBeNull();
  });

  it("refuses an altered token, another cookie's, another secret's and an expired one", async () => {
    const t = await token();
    const parts = t.split(".");
    const body = parts[3]!;
    parts[3] = (body[0] === "A" ? "B" : "A") + body.slice(1);
    expect(await verifySessionToken(parts.join("."), NAME, SECRET)).toBeNull();
    expect(await verifySessionToken(t, `__Secure-${NAME}`, SECRET)).toBeNull();
    expect(await verifySessionToken(await token({}, { secret: `${SECRET}-other` }), NAME, SECRET)).toBeNull();
    expect(await verifySessionToken(await token({}, { maxAge: -60 }), NAME, SECRET)).toBeNull();
    expect(await verifySessionToken("not-a-token", NAME, SECRET)).toBeNull();
  });

  it("refuses a token without a user, a sign-in id or a known role", async () => {
    expect(await verifySessionToken(await token({ uid: undefined }), NAME, SECRET)).toBeNull();
    expect(await verifySessionToken(await token({ sid: undefined }), NAME, SECRET)).toBeNull();
    expect(await verifySessionToken(await token({ role: "ROOT" }), NAME, SECRET)).toBeNull();
  });
});
