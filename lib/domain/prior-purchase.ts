// Purchases before the decree (imported from Excel to compare the concentration before it with the spread after):
// which rows are one supplier.

/** "Nama  Pemasok, CV" → "nama pemasok, cv": purchases from one supplier add up however it was typed. */
export function supplierKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, " ");
}
