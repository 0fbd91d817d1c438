// The decree's rules that need no database (issue 19: they lived inside the admin's use cases): a grid cell's key, what
// a draft changes against the decree in force, which agencies have too thin a pool and which UMKM no agency has, and
// how publishing supersedes the decrees still covering the new one's first day. Pure.
import { MIN_ELIGIBLE_PER_POOL } from "@/lib/domain/pool-health";
import { dayAsDate } from "@/lib/format";

/** A decree's header as its columns (the form's days as DATE values; empty optional fields as null). */
export function decreeHeaderColumns(h: {
  number: string;
  title: string;
  signedOn?: string | null;
  effectiveFrom: string;
  effectiveTo?: string | null;
  notes?: string | null;
}) {
  return {
    number: h.number,
    title: h.title,
    signedOn: h.signedOn ? dayAsDate(h.signedOn) : null,
    effectiveFrom: dayAsDate(h.effectiveFrom),
    effectiveTo: h.effectiveTo ? dayAsDate(h.effectiveTo) : null,
    notes: h.notes ?? null,
  };
}

/** A grid cell: "opdId:vendorId". */
export type CellKey = `${string}:${string}`;

export function cellKey(opdId: string, vendorId: string): CellKey {
  return `${opdId}:${vendorId}`;
}

export function splitCell(key: string): { opdId: string; vendorId: string } {
  const [opdId, vendorId] = key.split(":") as [string, string];
  return { opdId, vendorId };
}

/** What `draft` adds to and removes from `inForce` (both sets of cells), each in the order given. */
export function allocationDiff(
  draft: Iterable<string>,
  inForce: Iterable<string>,
): { added: { opdId: string; vendorId: string }[]; removed: { opdId: string; vendorId: string }[] } {
  const mine = new Set(draft);
  const now = new Set(inForce);
  return {
    added: [...mine].filter((k) => !now.has(k)).map(splitCell),
    removed: [...now].filter((k) => !mine.has(k)).map(splitCell),
  };
}

/**
 * Agencies whose pool holds fewer UMKM than a pool needs (MIN_ELIGIBLE_PER_POOL, the pool-health rule), and active
 * UMKM no agency has — by id, in the order given.
 */
export function gridGaps(
  opds: readonly { id: string }[],
  vendors: readonly { id: string; status: string }[],
  cells: Iterable<string>,
): {
  thinOpds: string[];
  idleVendors: string[];
  rowCounts: Record<string, number>;
  columnCounts: Record<string, number>;
} {
  const rowCounts: Record<string, number> = {};
  const columnCounts: Record<string, number> = {};
  for (const k of cells) {
    const { opdId, vendorId } = splitCell(k);
    rowCounts[opdId] = (rowCounts[opdId] ?? 0) + 1;
    columnCounts[vendorId] = (columnCounts[vendorId] ?? 0) + 1;
  }
  return {
    rowCounts,
    columnCounts,
    thinOpds: opds.filter((o) => (rowCounts[o.id] ?? 0) < MIN_ELIGIBLE_PER_POOL).map((o) => o.id),
    idleVendors: vendors.filter((v) => v.status === "ACTIVE" && !columnCounts[v.id]).map((v) => v.id),
  };
}

/**
 * Publishing a decree from `effectiveFrom`: every published decree still covering that day ends the day before it —
 * unless one of them starts on that day or later, which the new decree cannot cut short (refused, by its number).
 */
export function planSupersession<D extends { id: string; number: string; effectiveFrom: Date }>(
  effectiveFrom: Date,
  covering: readonly D[],
): { ok: true; lastDay: Date; supersede: D[] } | { ok: false; startsLater: string } {
  const later = covering.find((d) => d.effectiveFrom.getTime() >= effectiveFrom.getTime());
  if (later) return { ok: false, startsLater: later.number };
  return { ok: true, lastDay: new Date(effectiveFrom.getTime() - 86_400_000), supersede: [...covering] };
}
