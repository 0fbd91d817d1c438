import { describe, expect, it } from "vitest";
import { pdfSafe, pdfSafeText } from "@/lib/documents/pdf-safe-text";

describe("pdfSafeText", () => {
  it("keeps Indonesian and Latin-1 text, drops emoji, strips marks outside WinAnsi, and marks the rest", () => {
    expect(pdfSafeText("Dapur Bu Sri — “Nasi” Rp 20.000 café")).toBe("Dapur Bu Sri — “Nasi” Rp 20.000 café");
    expect(pdfSafeText("Rapat 🍱🎉 tim")).toBe("Rapat tim");
    expect(pdfSafeText("👩‍🍳 Koki")).toBe(" Koki");
    expect(pdfSafeText("Ǎǧ")).toBe("Ag");
    expect(pdfSafeText("会议")).toBe("??");
  });
  it("maps every string of a document, leaving the rest", () => {
    const at = new Date();
    expect(pdfSafe({ a: "x🍱", b: [1, "é"], at })).toEqual({ a: "x", b: [1, "é"], at });
  });
});
