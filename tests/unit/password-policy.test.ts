import { describe, expect, it } from "vitest";
import { initialPasswordSchema } from "@/lib/validation/account";
import { isCommonPassword } from "@/lib/auth/common-passwords";
import { inIndonesian } from "@/tests/support/in-words";

describe("the password policy", () => {
  it("takes 10 to 200 characters, long passphrases included", () => {
    expect(initialPasswordSchema.safeParse("dapur-uji-onboarding").success).toBe(true);
    expect(initialPasswordSchema.safeParse("nasi kotak bu sri paling enak se-mojokerto").success).toBe(true);
    expect(initialPasswordSchema.safeParse("pendek1").success).toBe(false);
    expect(initialPasswordSchema.safeParse("x".repeat(201)).success).toBe(false);
  });

  it("refuses the most common passwords, however they are cased or spaced, and one repeated character", () => {
    for (const p of ["Password123", "1234567890", "Bismillah123", "Kata Sandi123", "MOJOKERTO123", "aaaaaaaaaaaa"]) {
      expect(isCommonPassword(p) || initialPasswordSchema.safeParse(p).success === false).toBe(true);
    }
    const r = initialPasswordSchema.safeParse("indonesia123");
    expect(r.success).toBe(false);
    expect(inIndonesian(r.error?.issues[0]?.message)).toContain("terlalu umum");
    expect(isCommonPassword("merata-demo-2026")).toBe(false);
  });
});
