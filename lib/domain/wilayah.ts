// Kota Mojokerto's administrative areas (issue 18): its 3 kecamatan and 18 kelurahan, so an address is chosen from the
// list rather than typed (no "Wates"/"wates"/"Kel. Wates" variants splitting the figures per area). Pure.

export const KECAMATAN = ["Kranggan", "Magersari", "Prajurit Kulon"] as const;
export type Kecamatan = (typeof KECAMATAN)[number];

/** The 18 kelurahan, each with its kecamatan. */
export const KELURAHAN: readonly { kelurahan: string; kecamatan: Kecamatan }[] = [
  ...["Blooto", "Kauman", "Mentikan", "Prajurit Kulon", "Pulorejo", "Surodinawan"].map((k) => ({
    kelurahan: k,
    kecamatan: "Prajurit Kulon" as const,
  })),
  ...["Balongsari", "Gedongan", "Gunung Gedangan", "Kedundung", "Magersari", "Wates"].map((k) => ({
    kelurahan: k,
    kecamatan: "Magersari" as const,
  })),
  ...["Jagalan", "Kranggan", "Meri", "Miji", "Purwotengah", "Sentanan"].map((k) => ({
    kelurahan: k,
    kecamatan: "Kranggan" as const,
  })),
];

/** Spelling aside: case, spaces, and a leading "Kel."/"Kelurahan"/"Kec."/"Kecamatan" do not matter. */
function key(text: string): string {
  return text
    .toLowerCase()
    .replace(/^\s*(kelurahan|kel\.?|kecamatan|kec\.?)\s+/, "")
    .replace(/[^a-z]/g, "");
}

/** The kelurahan as the list spells it, with its kecamatan; null when it is not one of the city's. */
export function findKelurahan(text: string): { kelurahan: string; kecamatan: Kecamatan } | null {
  const k = key(text);
  return KELURAHAN.find((x) => key(x.kelurahan) === k) ?? null;
}

/** The kecamatan as the list spells it; null when it is not one of the city's. */
export function findKecamatan(text: string): Kecamatan | null {
  const k = key(text);
  return KECAMATAN.find((x) => key(x) === k) ?? null;
}
