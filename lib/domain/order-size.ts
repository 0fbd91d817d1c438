// An unusually large order gets a second look before it is sent (issue 17, item 6): "Rp 80 juta" is more often a
// mistyped price or portion count than a real meeting. Large means at least Rp 10 juta and either more than a quarter
// of the budget line's pagu or more than five times the OPD's usual (median) order over the last year (counted
// once it has at least five). The OPD confirms and sends it again; nothing is refused for good.

/** Below this no order is questioned. */
export const LARGE_ORDER_MIN_RUPIAH = 10_000_000;
/** Share of the budget line's pagu above which an order is questioned. */
export const LARGE_ORDER_PAGU_SHARE = 0.25;
/** Multiple of the OPD's median order above which an order is questioned. */
export const LARGE_ORDER_MEDIAN_TIMES = 5;
/** Orders needed before the OPD's median means anything. */
export const LARGE_ORDER_MIN_HISTORY = 5;

export type LargeOrder = { reason: "BUDGET"; share: number } | { reason: "HISTORY"; times: number; median: number };

/** Why an order of `total` needs confirming, or null when it does not. */
export function unusuallyLarge(o: {
  total: number;
  pagu: number;
  medianTotal: number | null;
  ordersCounted: number;
}): LargeOrder | null {
  if (o.total < LARGE_ORDER_MIN_RUPIAH) return null;
  if (o.pagu > 0 && o.total > LARGE_ORDER_PAGU_SHARE * o.pagu) return { reason: "BUDGET", share: o.total / o.pagu };
  if (
    o.medianTotal !== null &&
    o.medianTotal > 0 &&
    o.ordersCounted >= LARGE_ORDER_MIN_HISTORY &&
    o.total > LARGE_ORDER_MEDIAN_TIMES * o.medianTotal
  )
    return { reason: "HISTORY", times: o.total / o.medianTotal, median: o.medianTotal };
  return null;
}
