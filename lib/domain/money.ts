// Rupiah are BigInt in the database; plain objects handed to the UI carry numbers
// (exact: every realistic amount is far below 2^53).
export function rp(v: bigint | number | null | undefined): number {
  if (v === null || v === undefined) return 0;
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`rupiah amount out of safe range: ${String(v)}`);
  return n;
}
