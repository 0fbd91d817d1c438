// Distribution metrics over awarded value per vendor (docs/ARCHITECTURE.md §3). Pure functions.
// Every vendor in scope counts, including those with zero: leaving them out would hide exactly
// the concentration the mayor wants to see.

/**
 * Gini coefficient, 0 (perfectly even) … (n-1)/n (one vendor has everything).
 * G = Σ_i Σ_j |x_i − x_j| / (2 n² μ), computed in O(n log n) on sorted values.
 */
export function giniOf(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted[0]! < 0) throw new RangeError("giniOf: values must be non-negative");
  const total = sorted.reduce((s, v) => s + v, 0);
  if (total === 0) return 0;
  // Σ (2i − n − 1) x_i for 1-based i over ascending x equals Σ_i Σ_j |x_i − x_j| / 2.
  let weighted = 0;
  sorted.forEach((x, idx) => {
    weighted += (2 * (idx + 1) - n - 1) * x;
  });
  return weighted / (n * total);
}

/** Herfindahl–Hirschman index as the sum of squared shares: 1/n (even) … 1 (monopoly). */
export function hhiOf(values: readonly number[]): number {
  const total = values.reduce((s, v) => s + v, 0);
  if (total === 0) return 0;
  return values.reduce((s, v) => s + (v / total) ** 2, 0);
}

/**
 * The HHI in plain words: as many UMKM as, receiving equal shares, would give the same concentration (1 / HHI;
 * 23 UMKM that all receive the same give 23). Null when nothing was received.
 */
export function equivalentVendors(hhi: number): number | null {
  return hhi > 0 ? 1 / hhi : null;
}

/** The share the `k` largest would hold if all `n` received the same: what a top-k share is compared with. */
export function evenTopShare(n: number, k = 3): number {
  return n > 0 ? Math.min(k, n) / n : 0;
}

/** Share of the total held by the `k` largest values (default top 3). */
export function topShareOf(values: readonly number[], k = 3): number {
  const total = values.reduce((s, v) => s + v, 0);
  if (total === 0) return 0;
  const top = [...values].sort((a, b) => b - a).slice(0, k);
  return top.reduce((s, v) => s + v, 0) / total;
}

export interface ZeroStats {
  count: number;
  share: number;
}

/** Vendors that received nothing, and their share of all vendors in scope. */
export function zeroOrderStats(values: readonly number[]): ZeroStats {
  const count = values.filter((v) => v === 0).length;
  return { count, share: values.length === 0 ? 0 : count / values.length };
}

export interface Distribution {
  vendors: number;
  total: number;
  gini: number;
  hhi: number;
  top3Share: number;
  zero: ZeroStats;
}

export function distributionOf(values: readonly number[]): Distribution {
  return {
    vendors: values.length,
    total: values.reduce((s, v) => s + v, 0),
    gini: giniOf(values),
    hhi: hhiOf(values),
    top3Share: topShareOf(values, 3),
    zero: zeroOrderStats(values),
  };
}

export type EvennessReading = "merata" | "cukup_merata" | "terkonsentrasi";

/** Plain-language reading of a Gini: < 0.25 merata, < 0.45 cukup merata, else terkonsentrasi. */
export function readGini(gini: number): EvennessReading {
  if (gini < 0.25) return "merata";
  if (gini < 0.45) return "cukup_merata";
  return "terkonsentrasi";
}
