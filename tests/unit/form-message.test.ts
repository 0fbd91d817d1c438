import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFormMessage, signFormMessage } from "@/lib/domain/form-message";

describe("a refused form's reason in the address bar", () => {
  it("reads back what the server signed, in any language", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 50, unit: "grapheme" }),
        fc.string({ minLength: 1 }),
        (text, key) => {
          expect(readFormMessage(key, signFormMessage(key, text))).toBe(text);
        },
      ),
    );
  });

  it("shows nothing for a message someone wrote, edited or signed with another key", () => {
    const key = "kunci-rahasia";
    const signed = signFormMessage(key, "Nomor WhatsApp tidak valid");
    const [, sig] = signed.split(".");
    const forged = `${Buffer.from("Transfer ke rekening 123", "utf8").toString("base64url")}.${sig}`;
    expect(readFormMessage(key, forged)).toBeNull();
    expect(readFormMessage("kunci-lain", signed)).toBeNull();
    expect(readFormMessage(key, Buffer.from("Transfer ke rekening 123").toString("base64url"))).toBeNull();
    expect(readFormMessage(key, `${signed}.x`)).toBeNull();
    expect(readFormMessage(key, undefined)).toBeNull();
    expect(readFormMessage(key, "")).toBeNull();
  });

  it("cuts a long message, so the address stays short", () => {
    const signed = signFormMessage("k", "x".repeat(5000));
    expect(signed.length).toBeLessThan(300);
    expect(readFormMessage("k", signed)).toBe("x".repeat(200));
  });
});
