// A readable before/after diff for the audit log: one row per top-level field that differs, nested values
// shown as compact JSON. Pure; keys in a stable order (before's, then after's new ones).
export interface DiffRow {
  key: string;
  before: string | null;
  after: string | null;
}

function show(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  return typeof v === "string" ? v : JSON.stringify(v);
}

const asRecord = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : v === null || v === undefined
      ? {}
      : { value: v };

export function jsonDiff(before: unknown, after: unknown): DiffRow[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...Object.keys(b), ...Object.keys(a).filter((k) => !(k in b))];
  const rows: DiffRow[] = [];
  for (const key of keys) {
    const bv = show(b[key]);
    const av = show(a[key]);
    if (bv !== av) rows.push({ key, before: bv, after: av });
  }
  return rows;
}
