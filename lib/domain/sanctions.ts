// Delivery outcomes and the sanction ladder (SP1 warning → SP2 suspension → SP3 removal).
import type { FailureType, SanctionLevel } from "@/lib/generated/prisma/enums";
import type { RoutingSettings } from "@/lib/domain/settings";

/** A confirmed delivery that is really a failure: too late or too short. Null when it is a delivery. */
export function deliveryFailure(
  input: { lateMinutes: number; quantityReceived: number; pax: number },
  settings: Pick<RoutingSettings, "veryLateMinutes" | "shortQuantityMinRatio">,
): FailureType | null {
  if (input.lateMinutes > settings.veryLateMinutes) return "VERY_LATE";
  if (input.quantityReceived < Math.ceil(input.pax * settings.shortQuantityMinRatio)) return "SHORT_QUANTITY";
  return null;
}

/** A vendor's delivery record in the sanction window, at the moment a new failure is recorded (included). */
export interface FailureRecord {
  /** Failures recorded in the window, this one included. */
  failures: number;
  /** Orders it accepted whose delivery day fell in the window and has come (delivered, failed, or unconfirmed). */
  dueOrders: number;
  /** It already had a confirmed suspension (SP2) in the window: removal comes only after one. */
  suspendedBefore: boolean;
}

/** Failures as a share of the orders due; never above 1 (a failure is always one of the orders due). */
export function failureShare(record: Pick<FailureRecord, "failures" | "dueOrders">): number {
  if (record.failures <= 0) return 0;
  return record.failures / Math.max(record.dueOrders, record.failures);
}

/**
 * The level proposed for a failure — proportionate to the vendor's volume, as the ladder's count alone is not:
 * a vendor that fails 2 of its 150 orders is warned (SP1); one that fails 2 of 4 is suspended (SP2); removal
 * (SP3) is proposed only after a suspension, at a higher count and share. An admin confirms or overrides it.
 */
export function sanctionLevelFor(
  record: FailureRecord,
  settings: Pick<
    RoutingSettings,
    "sp2AfterFailures" | "sp3AfterFailures" | "sp2MinFailureShare" | "sp3MinFailureShare"
  >,
): SanctionLevel {
  // A hair of tolerance so that 2 of 20 meets a 10 % threshold exactly, whatever the float rounding.
  const share = failureShare(record) + 1e-9;
  if (record.suspendedBefore && record.failures >= settings.sp3AfterFailures && share >= settings.sp3MinFailureShare)
    return "SP3";
  if (record.failures >= settings.sp2AfterFailures && share >= settings.sp2MinFailureShare) return "SP2";
  return "SP1";
}

/** Minutes late, never negative. */
export function lateMinutesOf(deliveryAt: Date, deliveredAt: Date): number {
  return Math.max(0, Math.round((deliveredAt.getTime() - deliveryAt.getTime()) / 60_000));
}

/**
 * When a failure of `type` may first be reported for an order due at `deliveryAt`: after the delivery time plus the
 * grace period — an order is not "not delivered", late or short before it was due — except the vendor's own
 * cancellation, which can be reported at any time (issue 17, fair failure reports). Null: at any time.
 */
export function failureReportOpensAt(type: string, deliveryAt: Date, graceMinutes: number): Date | null {
  if (type === "VENDOR_CANCELLED") return null;
  return new Date(deliveryAt.getTime() + graceMinutes * 60_000);
}

/** The kinds of failure an order can end in (the FailureType enum), in the order forms list them. */
export const FAILURE_TYPES = [
  "NOT_DELIVERED",
  "VERY_LATE",
  "SHORT_QUANTITY",
  "QUALITY_SAFETY",
  "VENDOR_CANCELLED",
] as const;

/**
 * The levels that take a vendor out of every pool once an admin confirms them, while they run: SP2 (suspended for the
 * set days) and SP3 (removed). "Suspended" everywhere — the routing standings (SQL: mm_pool_standings, compared with
 * this by tests/integration/sanction-levels.test.ts), the sanctions queue, the end of suspensions, the ladder — means
 * a confirmed sanction of one of these levels.
 */
export const SUSPENDING_LEVELS = ["SP2", "SP3"] as const satisfies readonly SanctionLevel[];

/** Whether a confirmed sanction at this level takes the vendor out of the pools (SUSPENDING_LEVELS). */
export function suspends(level: SanctionLevel): boolean {
  return (SUSPENDING_LEVELS as readonly SanctionLevel[]).includes(level);
}
