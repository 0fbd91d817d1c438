import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { decode, type JWT } from "next-auth/jwt";
import { LRUCache } from "lru-cache";
import { env } from "@/lib/env";
import { isRole } from "@/lib/auth/roles";
import { secondsLeft } from "@/lib/auth/session-lifetime";
import type { Role } from "@/lib/generated/prisma/enums";

/** What the session cookie says (Auth.js's encrypted JWT, written by the jwt callback in lib/auth/index.ts). */
export interface SessionClaims {
  userId: string;
  role: Role;
  sessionVersion: number;
  /** This sign-in's own id: signing out revokes it (RevokedSession). */
  sid: string;
  /** When the cookie stops being accepted. */
  expires: Date;
}

/** Auth.js's cookie names: `__Secure-` when signed in over HTTPS. The name is also the key derivation's salt. */
const COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/**
 * Tokens already decrypted and verified, by their exact text. Opening Auth.js's token costs a key derivation,
 * a thumbprint, an HMAC and an AES decryption on every request — more CPU than the page's own queries. A token
 * is immutable and self-expiring, so its verified claims are kept until it expires; a forged or altered text
 * is a different key and is verified in full. Whether the session still counts (signed out, user deactivated,
 * role or session version changed) is still asked of the database on every request (lib/auth/guards.ts).
 */
const verified = new LRUCache<string, SessionClaims>({ max: 20_000 });

function claimsOf(token: JWT): SessionClaims | null {
  const exp = typeof token.exp === "number" ? token.exp : 0;
  if (typeof token.uid !== "string" || typeof token.sid !== "string" || !isRole(token.role) || !exp) return null;
  // The absolute lifetime counts from sign-in, whatever expiry a re-issued token carries (lib/auth/session-lifetime.ts).
  const left = secondsLeft(token, 0);
  if (left === null) return null;
  return {
    userId: token.uid,
    role: token.role,
    sessionVersion: Number(token.sv ?? 0),
    sid: token.sid,
    expires: new Date(Math.min(exp, left) * 1000),
  };
}

/** Verifies a session token (cookie text) signed with `secret`; null when forged, altered, expired or foreign. */
export async function verifySessionToken(
  text: string,
  cookieName: string,
  secret: string,
  now = Date.now(),
): Promise<SessionClaims | null> {
  const key = `${cookieName}\n${text}`;
  const hit = verified.get(key);
  if (hit) {
    if (hit.expires.getTime() > now) return hit;
    verified.delete(key);
    return null;
  }
  let claims: SessionClaims | null = null;
  try {
    const token = await decode({ token: text, secret, salt: cookieName });
    claims = token ? claimsOf(token) : null;
  } catch {
    return null; // not ours, altered, or expired: no session
  }
  if (!claims || claims.expires.getTime() <= now) return null;
  verified.set(key, claims, { ttl: claims.expires.getTime() - now });
  return claims;
}

/** The session cookie of this request, verified; null when there is none or it does not hold. Once per request. */
export const readSession = cache(async (): Promise<SessionClaims | null> => {
  const jar = await cookies();
  for (const name of COOKIE_NAMES) {
    // Auth.js splits a token over 4 kB into name.0, name.1, …; ours are far smaller, but read both forms.
    let text = jar.get(name)?.value;
    if (!text) {
      const chunks = jar
        .getAll()
        .filter((c) => c.name.startsWith(`${name}.`))
        .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
      text = chunks.map((c) => c.value).join("") || undefined;
    }
    if (text) return verifySessionToken(text, name, env().AUTH_SECRET ?? "");
  }
  return null;
});
