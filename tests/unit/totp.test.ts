import { describe, expect, it } from "vitest";
import {
  decryptSecret,
  encryptSecret,
  hashRecoveryCode,
  matchRecoveryCode,
  mfaRequired,
  newRecoveryCodes,
  newTotpSecret,
  totpCode,
  totpUri,
  verifyTotp,
} from "@/lib/auth/totp";

// RFC 6238 appendix B's SHA-1 secret ("12345678901234567890"), in base32.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP", () => {
  it("gives the RFC 6238 codes (6 digits) and accepts the neighbouring 30-second steps only", () => {
    const at = new Date(59_000);
    expect(totpCode(RFC_SECRET, at)).toBe("287082");
    expect(totpCode(RFC_SECRET, new Date(1_111_111_109_000))).toBe("081804");
    expect(verifyTotp(RFC_SECRET, "287 082", at)).toBe(true);
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, new Date(59_000 + 30_000)), at)).toBe(true);
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, new Date(59_000 + 90_000)), at)).toBe(false);
    expect(verifyTotp(RFC_SECRET, "12345", at)).toBe(false);
    expect(verifyTotp(RFC_SECRET, "abcdef", at)).toBe(false);
  });

  it("makes new secrets, an otpauth URI an app can read, and keeps the secret encrypted", () => {
    const s = newTotpSecret();
    expect(s).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(s);
    expect(totpUri(s, "admin")).toMatch(/^otpauth:\/\/totp\/Mamin%20Merata:admin\?.*secret=/);
    const stored = encryptSecret(s, "kunci-rahasia-aplikasi-yang-panjang-sekali");
    expect(stored).not.toContain(s);
    expect(decryptSecret(stored, "kunci-rahasia-aplikasi-yang-panjang-sekali")).toBe(s);
    expect(() => decryptSecret(stored, "kunci-lain")).toThrow();
  });

  it("gives ten distinct recovery codes and matches each only by its hash", () => {
    const { codes, hashes } = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[2-9a-z]{4}-[2-9a-z]{4}-[2-9a-z]{4}$/);
    expect(hashes.join()).not.toContain(codes[0]!);
    expect(matchRecoveryCode(` ${codes[3]!.toUpperCase()} `, hashes)).toBe(hashRecoveryCode(codes[3]!));
    expect(matchRecoveryCode("zzzz-zzzz-zzzz", hashes)).toBeNull();
  });

  it("is required for admins and the mayor, except the demo's own accounts when the demo says so", () => {
    expect(mfaRequired({ role: "ADMIN", isDemo: false })).toBe(true);
    expect(mfaRequired({ role: "MAYOR", isDemo: false })).toBe(true);
    expect(mfaRequired({ role: "OPD_STAFF", isDemo: false })).toBe(false);
    const before = process.env.DEMO_SKIP_MFA;
    process.env.DEMO_SKIP_MFA = "1";
    expect(mfaRequired({ role: "ADMIN", isDemo: true })).toBe(false);
    expect(mfaRequired({ role: "ADMIN", isDemo: false })).toBe(true);
    process.env.DEMO_SKIP_MFA = "";
    expect(mfaRequired({ role: "ADMIN", isDemo: true })).toBe(true);
    if (before === undefined) delete process.env.DEMO_SKIP_MFA;
    else process.env.DEMO_SKIP_MFA = before;
  });
});
