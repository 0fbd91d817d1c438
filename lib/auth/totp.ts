// Time-based one-time passwords (RFC 6238, via otpauth) for admins and the mayor: the secret, its otpauth://
// URI and QR code for an authenticator app, checking a code (±1 step of 30 s), the secret encrypted at rest
// (AES-256-GCM under a key derived from AUTH_SECRET) and single-use recovery codes kept as SHA-256 hashes.
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import type { Role } from "@/lib/generated/prisma/enums";
import { runtimeEnv } from "@/lib/env";

/** The roles that must use a second factor. */
export const MFA_ROLES: readonly Role[] = ["ADMIN", "MAYOR"];

/**
 * Demo accounts skip the second factor when the demo launcher says so (DEMO_SKIP_MFA=1, set by `npm run demo`
 * and the browser tests only), so the README's logins keep working; production starts never set it.
 */
export function mfaRequired(user: { role: Role; isDemo: boolean }): boolean {
  if (!MFA_ROLES.includes(user.role)) return false;
  return !(user.isDemo && runtimeEnv().DEMO_SKIP_MFA === "1");
}

const ISSUER = "Mamin Merata";

function totp(secretBase32: string, label = "akun"): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, username: string): string {
  return totp(secretBase32, username).toString();
}

export function totpCode(secretBase32: string, at: Date): string {
  return totp(secretBase32).generate({ timestamp: at.getTime() });
}

const PERIOD_MS = 30_000;

/**
 * The 30-second step (counted from the Unix epoch) whose code `code` is (6 digits, spaces ignored), when it is the
 * code of `at`'s step or of the step before or after; null otherwise. Sign-in remembers the step it accepted and
 * refuses that step and earlier ones afterwards, so a code works once (ASVS 2.8.4).
 */
export function totpStep(secretBase32: string, code: string, at: Date): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secretBase32).validate({ token, timestamp: at.getTime(), window: 1 });
  return delta === null ? null : Math.floor(at.getTime() / PERIOD_MS) + delta;
}

/** True when `code` (6 digits, spaces ignored) is the code of `at` or of the step before or after. */
export function verifyTotp(secretBase32: string, code: string, at: Date): boolean {
  return totpStep(secretBase32, code, at) !== null;
}

/** The QR code of the otpauth:// URI, as an SVG document (shown as a data: image). */
export async function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

function key(authSecret: string): Buffer {
  return createHash("sha256").update(`mamin-merata:totp:${authSecret}`).digest();
}

export function encryptSecret(secretBase32: string, authSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(authSecret), iv);
  const data = Buffer.concat([cipher.update(secretBase32, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(
    ".",
  );
}

export function decryptSecret(stored: string, authSecret: string): string {
  const [v, iv, tag, data] = stored.split(".");
  if (v !== "v1" || !iv || !tag || !data) throw new Error("not an encrypted TOTP secret");
  const decipher = createDecipheriv("aes-256-gcm", key(authSecret), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

/** A one-time code like "7f3k-9q2m-x8vd" (12 characters of 31 that cannot be misread, about 59 bits). */
export function newOneTimeCode(): string {
  const alphabet = "23456789abcdefghjkmnpqrstuvwxyz";
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** Ten recovery codes to show once, and their hashes to keep. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: 10 }, newOneTimeCode);
  return { codes, hashes: codes.map(hashRecoveryCode) };
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(code.trim().toLowerCase()).digest("hex");
}

/** The stored hash a recovery code matches, if any (compared in constant time). */
export function matchRecoveryCode(code: string, hashes: readonly string[]): string | null {
  const h = Buffer.from(hashRecoveryCode(code), "hex");
  for (const stored of hashes) {
    const s = Buffer.from(stored, "hex");
    if (s.length === h.length && timingSafeEqual(s, h)) return stored;
  }
  return null;
}
