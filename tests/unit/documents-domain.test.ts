import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { terbilang, terbilangRupiah } from "@/lib/domain/terbilang";
import { estimateTax, taxBasisOf } from "@/lib/domain/tax";
import { waLink, waNumber } from "@/lib/domain/whatsapp";

describe("terbilang", () => {
  it.each([
    [0, "nol"],
    [1, "satu"],
    [10, "sepuluh"],
    [11, "sebelas"],
    [12, "dua belas"],
    [19, "sembilan belas"],
    [20, "dua puluh"],
    [21, "dua puluh satu"],
    [100, "seratus"],
    [101, "seratus satu"],
    [111, "seratus sebelas"],
    [250, "dua ratus lima puluh"],
    [1000, "seribu"],
    [1001, "seribu satu"],
    [1100, "seribu seratus"],
    [2000, "dua ribu"],
    [11000, "sebelas ribu"],
    [100000, "seratus ribu"],
    [101000, "seratus satu ribu"],
    [1000000, "satu juta"],
    [1250000, "satu juta dua ratus lima puluh ribu"],
    [49000, "empat puluh sembilan ribu"],
    [2450000, "dua juta empat ratus lima puluh ribu"],
    [1000000000, "satu miliar"],
    [1_001_001_001, "satu miliar satu juta seribu satu"],
    [2_000_000_000_000, "dua triliun"],
  ])("%i → %s", (n, words) => {
    expect(terbilang(n)).toBe(words);
  });

  it("writes a rupiah amount capitalised with its unit", () => {
    expect(terbilangRupiah(1_225_000)).toBe("Satu juta dua ratus dua puluh lima ribu rupiah");
  });

  it("accepts bigint and refuses fractions and overflow", () => {
    expect(terbilang(5n)).toBe("lima");
    expect(() => terbilang(1.5)).toThrow(RangeError);
    expect(() => terbilang(10n ** 15n)).toThrow(RangeError);
  });

  // An independent reader of the words: parsing them back must give the number.
  function parse(words: string): number {
    const units: Record<string, number> = {
      satu: 1,
      dua: 2,
      tiga: 3,
      empat: 4,
      lima: 5,
      enam: 6,
      tujuh: 7,
      delapan: 8,
      sembilan: 9,
      sepuluh: 10,
      sebelas: 11,
      seratus: 100,
      seribu: 1000,
    };
    const scales: Record<string, number> = { ribu: 1e3, juta: 1e6, miliar: 1e9, triliun: 1e12 };
    let total = 0;
    let group = 0;
    for (const w of words.split(" ")) {
      if (w === "belas") group += 10;
      else if (w === "puluh") group += (group % 10) * 9;
      else if (w === "ratus") group += (group % 10) * 99;
      else if (w in scales) {
        total += group * (scales[w] ?? 0);
        group = 0;
      } else if (w === "seribu") total += 1000;
      else if (w in units) group += units[w] ?? 0;
      else throw new Error(`unknown word ${w}`);
    }
    return total + group;
  }

  it("reads back to the same number, with single spaces, for any amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999_999 }), (n) => {
        const w = terbilang(n);
        expect(w).not.toMatch(/\s{2}|^\s|\s$/);
        expect(w).not.toMatch(/(^|\s)satu (ratus|puluh|belas)/);
        expect(parse(w)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("tax estimate", () => {
  it("chooses the basis from the vendor's certificate and NPWP", () => {
    expect(taxBasisOf({ hasPp55: true, npwp: null })).toBe("PP55");
    expect(taxBasisOf({ hasPp55: false, npwp: "01.234.567.8-602.000" })).toBe("PPH23");
    expect(taxBasisOf({ hasPp55: false, npwp: " " })).toBe("PPH23_NO_NPWP");
  });
  it("withholds 0.5%, 2% and 4%, rounded down to whole rupiah", () => {
    expect(estimateTax(1_250_000, "PP55")).toBe(6_250);
    expect(estimateTax(1_250_000, "PPH23")).toBe(25_000);
    expect(estimateTax(1_250_000, "PPH23_NO_NPWP")).toBe(50_000);
    expect(estimateTax(999, "PP55")).toBe(4);
  });
});

describe("WhatsApp links", () => {
  it("normalises Indonesian numbers to the international form", () => {
    expect(waNumber("0812-3456-7890")).toBe("6281234567890");
    expect(waNumber("+62 812 3456 7890")).toBe("6281234567890");
    expect(waNumber("6281234567890")).toBe("6281234567890");
    expect(waNumber("812345678")).toBe("62812345678");
    expect(waNumber("12345")).toBeNull();
    expect(waNumber(null)).toBeNull();
  });
  it("encodes the prefilled message", () => {
    expect(waLink("08123456789", "Pesanan #1 & 2?")).toBe(
      "https://wa.me/628123456789?text=Pesanan%20%231%20%26%202%3F",
    );
    expect(waLink("", "x")).toBeNull();
  });
});
