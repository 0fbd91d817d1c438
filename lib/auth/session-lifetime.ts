// The session's absolute lifetime (SECURITY.md): 12 hours from sign-in, whatever is called in between. Auth.js
// re-issues the session cookie on `GET /api/auth/session` (and on an update through `POST`) with a new expiry; on
// its own that would let a copied cookie be kept alive for ever. So the token carries the sign-in time (`at`), the
// jwt callback ends the session once that is past the lifetime, every token is encoded to expire at sign-in + 12 h
// (never later), and the app's own verifier (lib/auth/session.ts) refuses a token past `at` + 12 h whatever its
// `exp` says. Shared by the Auth.js configuration (lib/auth/index.ts) and its tests.
import { encode as defaultEncode, type JWT, type JWTEncodeParams } from "next-auth/jwt";

/** A session's absolute lifetime, in seconds. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** What a signed-in user puts in the token (the Credentials provider's `authorize`). */
export interface SignedInUser {
  id?: string;
  role?: string;
  opdId?: string | null;
  vendorId?: string | null;
  sessionVersion?: number;
}

/** Seconds left of the token's lifetime at `nowSeconds` (≤ 0: over; null: no sign-in time, not ours). */
export function secondsLeft(token: Pick<JWT, "at">, nowSeconds: number): number | null {
  const at = typeof token.at === "number" ? token.at : null;
  return at === null ? null : at + SESSION_MAX_AGE_SECONDS - nowSeconds;
}

/**
 * The jwt callback: at sign-in the claims and the sign-in time; afterwards the token unchanged while its lifetime
 * lasts, and null (Auth.js then clears the cookie and answers no session) once it is over.
 */
export function sessionJwt(
  { token, user }: { token: JWT; user?: SignedInUser | null },
  nowSeconds = Math.floor(Date.now() / 1000),
): JWT | null {
  if (user) {
    return {
      ...token,
      uid: user.id,
      role: user.role,
      opdId: user.opdId ?? null,
      vendorId: user.vendorId ?? null,
      sv: user.sessionVersion ?? 1,
      sid: crypto.randomUUID(),
      at: nowSeconds,
    };
  }
  const left = secondsLeft(token, nowSeconds);
  return left !== null && left > 0 ? token : null;
}

/** Auth.js's encoder with the expiry fixed at sign-in + lifetime: re-issuing a cookie never moves it forward. */
export async function encodeWithinLifetime<Payload extends Record<string, unknown> = JWT>(
  params: JWTEncodeParams<Payload>,
): Promise<string> {
  const left = params.token ? secondsLeft(params.token as JWT, Math.floor(Date.now() / 1000)) : null;
  const maxAge = left === null ? (params.maxAge ?? SESSION_MAX_AGE_SECONDS) : Math.max(1, left);
  return defaultEncode({ ...params, maxAge: Math.min(maxAge, SESSION_MAX_AGE_SECONDS) });
}

/** The session options the app's Auth.js configuration uses (lib/auth/index.ts) — and its tests, with Auth.js itself. */
export const SESSION_OPTIONS = {
  session: { strategy: "jwt" as const, maxAge: SESSION_MAX_AGE_SECONDS },
  // Re-issued cookies keep the sign-in's expiry.
  jwt: { encode: encodeWithinLifetime },
};

declare module "next-auth/jwt" {
  interface JWT {
    /** When the user signed in (seconds since the epoch): the session ends 12 hours later. */
    at?: number;
  }
}
