// Numbers and phone numbers as people in Indonesia type them (lib/domain/indonesian-input.ts, lib/validation/fields.ts).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isMobile, normalizePhone, parseIndonesianInteger } from "@/lib/domain/indonesian-input";
import { orderInputSchema } from "@/lib/validation/order";
import { menuItemSchema } from "@/lib/validation/vendor";
import { budgetSchema } from "@/lib/validation/admin-money";
import { waNumber } from "@/lib/domain/whatsapp";
import { inIndonesian } from "@/tests/support/in-words";

describe("whole numbers", () => {
  it("reads thousands dots, Rp and whole sen", () => {
    expect(parseIndonesianInteger("20.000")).toBe(20_000);
    expect(parseIndonesianInteger("Rp 20.000")).toBe(20_000);
    expect(parseIndonesianInteger("Rp20.000,00")).toBe(20_000);
    expect(parseIndonesianInteger("rp. 1.250.000")).toBe(1_250_000);
    expect(parseIndonesianInteger("20000")).toBe(20_000);
    expect(parseIndonesianInteger(" 1.000 ")).toBe(1000);
    expect(parseIndonesianInteger(45)).toBe(45);
  });
  it("leaves anything else as typed, for the field's own message", () => {
    for (const s of ["20.5", "2.00.000", "1e3", "20,50", "abc", "", "-5", "0x10", "20.000.0"])
      expect(parseIndonesianInteger(s)).toBe(s);
  });
  it("round-trips every whole number written with id-ID grouping (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_000 }), (n) => {
        expect(parseIndonesianInteger(n.toLocaleString("id-ID"))).toBe(n);
        expect(parseIndonesianInteger(`Rp ${n.toLocaleString("id-ID")}`)).toBe(n);
      }),
    );
  });
});

describe("phone numbers", () => {
  it("reads the usual ways of writing one number", () => {
    for (const s of [
      "0813 3111 2222",
      "0813-3111-2222",
      "+62 813-3111-2222",
      "62813 3111 2222",
      "813 3111 2222",
      "(0813) 3111.2222",
    ])
      expect(normalizePhone(s)).toBe("081331112222");
    expect(normalizePhone("031 3456 789")).toBe("0313456789");
    expect(isMobile("081331112222")).toBe(true);
    expect(isMobile("0313456789")).toBe(false);
  });
  it("refuses what cannot be one", () => {
    for (const s of ["12345", "+1 415 555 0100", "0813 abc", "", "08", "0813311122223333"])
      expect(normalizePhone(s)).toBeNull();
    expect(waNumber("0813 3111 2222")).toBe("6281331112222");
  });
});

describe("the forms", () => {
  const order = {
    idempotencyKey: "key-12345678",
    eventName: "Rapat koordinasi",
    deliveryAt: "2026-06-10T03:00:00Z",
    place: "Aula",
    contactName: "Bu Ani",
    contactPhone: "0813 3111 2222",
    pax: "1.000",
    category: "MAKAN",
    unitPrice: "Rp 20.000",
    accountCode: "5.1.02.01.01.0052",
    method: "PENGADAAN_LANGSUNG",
  };
  it("accept Indonesian habits and store one form", () => {
    const r = orderInputSchema.parse(order);
    expect(r).toMatchObject({ contactPhone: "081331112222", pax: 1000, unitPrice: 20_000 });
    expect(
      menuItemSchema.parse({ category: "MAKAN", name: "Nasi kotak", pricePerPax: "25.000", active: true }).pricePerPax,
    ).toBe(25_000);
    expect(
      budgetSchema.parse({
        fiscalYear: "2026",
        accountCode: "5.1.02.01.01.0052",
        accountName: "Mamin rapat",
        pagu: "Rp 250.000.000",
      }).pagu,
    ).toBe(250_000_000);
  });
  it("refuse look-alikes with a clear message", () => {
    const bad = orderInputSchema.safeParse({ ...order, pax: "1e3", unitPrice: "20.5", contactPhone: "12345" });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [String(i.path[0]), inIndonesian(i.message)]));
    expect(messages.pax).toMatch(/angka/);
    expect(messages.unitPrice).toMatch(/angka|rupiah/);
    expect(messages.contactPhone).toMatch(/Nomor HP tidak valid/);
  });
});
