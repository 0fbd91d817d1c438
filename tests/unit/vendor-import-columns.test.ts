// The vendor import's column rules (lib/domain/vendor-import.ts): reports name the column people filled, and the
// yes/no column refuses what is neither (issue 18: "PP 55 = mungkin" used to be taken as "no").
import { describe, expect, it } from "vitest";
import { IMPORT_COLUMNS, importColumnOf, readYesNo } from "@/lib/domain/vendor-import";
import { VENDOR_FORM_FIELDS } from "@/lib/validation/admin-vendor";

describe("vendor import columns", () => {
  it("has a column for every field of the vendor form, and names each by its header", () => {
    const fields = IMPORT_COLUMNS.map(([, f]) => f);
    expect(VENDOR_FORM_FIELDS.filter((f) => !fields.includes(f))).toEqual([]);
    expect(importColumnOf("dailyCapacityPax")).toBe("Kapasitas harian");
    expect(importColumnOf("hasPp55")).toBe("PP 55");
    expect(importColumnOf("somethingElse")).toBe("somethingElse");
  });

  it("reads yes and no as people write them, and nothing else", () => {
    for (const yes of ["ya", "Ya", " YA ", "y", "yes", "iya", "x", "V", "1", "true", "✓"])
      expect(readYesNo(yes)).toBe(true);
    for (const no of ["", "tidak", "Tidak", "tdk", "n", "no", "0", "false", "-", "belum", null, undefined])
      expect(readYesNo(no)).toBe(false);
    for (const odd of ["mungkin", "ya?", "2", "tidak tahu", "yes please"]) expect(readYesNo(odd)).toBeNull();
  });
});
