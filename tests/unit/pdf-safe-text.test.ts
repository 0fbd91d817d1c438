import { describe, expect, it } from "vitest";
import { pdfSafe, pdfSafeText } from "@/lib/documents/pdf-safe-text";

describe("pdfSafeText", () => {
  it("keeps what the embedded font draws (Latin with any accent, Greek, Cyrillic), drops emoji, marks the rest", () => {
    expect(pdfSafeText("Dapur Bu Sri — “Nasi” Rp 20.000 café")).toBe("Dapur Bu Sri — “Nasi” Rp 20.000 café");
    expect(pdfSafeText("Ǎǧ Łódź Ñoño αβγ Живот")).toBe("Ǎǧ Łódź Ñoño αβγ Живот");
    expect(pdfSafeText("Rapat 🍱🎉 tim")).toBe("Rapat tim");
    expect(pdfSafeText("👩‍🍳 Koki")).toBe(" Koki");
    expect(pdfSafeText("Nomor #1 *baru* 0812")).toBe("Nomor #1 *baru* 0812");
    expect(pdfSafeText("会议")).toBe("??");
    expect(pdfSafeText("a\u0007b")).toBe("a?b");
  });
  it("maps every string of a document, leaving the rest", () => {
    const at = new Date();
    expect(pdfSafe({ a: "x🍱", b: [1, "é"], at })).toEqual({ a: "x", b: [1, "é"], at });
  });
});
