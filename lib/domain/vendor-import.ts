// The vendor import's columns and how their cells are read (pure): the template's headers and the field each feeds,
// so a report names the column people filled ("Kapasitas harian: …"), never a field name; and the yes/no column read
// strictly — a value that is neither is refused with its row, never silently taken as "no".

/** Column headers of the template, in order, and the field each feeds. */
export const IMPORT_COLUMNS = [
  ["Kode", "code"],
  ["Nama usaha", "name"],
  ["Nama pemilik", "ownerName"],
  ["NIB", "nib"],
  ["NPWP", "npwp"],
  ["Alamat", "address"],
  ["Kelurahan", "kelurahan"],
  ["Kecamatan", "kecamatan"],
  ["WhatsApp", "whatsapp"],
  ["Email", "email"],
  ["Kapasitas harian", "dailyCapacityPax"],
  ["PP 55", "hasPp55"],
] as const;
export type ImportField = (typeof IMPORT_COLUMNS)[number][1];

const HEADER = new Map<string, string>(IMPORT_COLUMNS.map(([header, field]) => [field, header]));

/** The template's header of a field (the column people filled), or the field itself when it has no column. */
export function importColumnOf(field: string): string {
  return HEADER.get(field) ?? field;
}

const YES = new Set(["ya", "y", "yes", "iya", "ada", "1", "true", "v", "x", "✓", "✔"]);
const NO = new Set(["", "tidak", "tdk", "t", "no", "n", "tidak ada", "belum", "0", "false", "-"]);

/** A yes/no cell as people fill it ("ya", "Tidak", "x", empty…); null when it is neither. */
export function readYesNo(cell: unknown): boolean | null {
  const v = String(cell ?? "")
    .trim()
    .toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return null;
}
