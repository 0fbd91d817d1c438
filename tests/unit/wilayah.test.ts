import { describe, expect, it } from "vitest";
import { findKecamatan, findKelurahan, KECAMATAN, KELURAHAN } from "@/lib/domain/wilayah";

describe("Kota Mojokerto's kelurahan and kecamatan", () => {
  it("are 18 kelurahan in 3 kecamatan, six each, none twice", () => {
    expect(KECAMATAN).toHaveLength(3);
    expect(KELURAHAN).toHaveLength(18);
    expect(new Set(KELURAHAN.map((k) => k.kelurahan)).size).toBe(18);
    for (const kec of KECAMATAN) expect(KELURAHAN.filter((k) => k.kecamatan === kec)).toHaveLength(6);
  });

  it("recognise a kelurahan however it is typed, and nothing else", () => {
    for (const typed of ["Gunung Gedangan", "gunung gedangan", "Gununggedangan", "Kel. Gunung Gedangan"])
      expect(findKelurahan(typed), typed).toEqual({ kelurahan: "Gunung Gedangan", kecamatan: "Magersari" });
    expect(findKelurahan("Kelurahan Prajurit Kulon")?.kecamatan).toBe("Prajurit Kulon");
    expect(findKelurahan("Sukamaju")).toBeNull();
    expect(findKelurahan("")).toBeNull();
    expect(findKecamatan("Kec. Prajuritkulon")).toBe("Prajurit Kulon");
    expect(findKecamatan("Mojoanyar")).toBeNull();
  });
});
