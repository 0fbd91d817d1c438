// When a delivery may be said to have arrived (issue 16, item 8): what the BAST prints must be possible. Not before
// the vendor accepted the order, not in the future (a few minutes' grace for clocks), and not well before the
// scheduled time unless the OPD says why (an early delivery happens — a meeting moved — but it must be explained).
import { vm } from "@/lib/domain/validation-message";

/** Clock differences and the form's whole minutes, tolerated either way ("not in the future", "not before acceptance"). */
export const DELIVERY_CLOCK_GRACE_MINUTES = 5;
/** A delivery more than this before the scheduled time needs its own reason. */
export const EARLY_DELIVERY_MINUTES = 60;

/** The vendor's own progress marks on an accepted order (they inform the OPD; money and routing ignore them). */
export type DeliveryMark = "ON_THE_WAY" | "HANDED_OVER";

/** How early before the delivery time each mark may be set. */
export const MARK_WINDOW_HOURS: Record<DeliveryMark, number> = { ON_THE_WAY: 12, HANDED_OVER: 6 };

/** The first instant the vendor may set `mark` for a delivery at `deliveryAt`. */
export function markOpensAt(mark: DeliveryMark, deliveryAt: Date): Date {
  return new Date(deliveryAt.getTime() - MARK_WINDOW_HOURS[mark] * 3600_000);
}

export type DeliveryTimeIssue = { field: "deliveredAt"; message: string } | { field: "earlyReason"; message: string };

/** What is wrong with a delivery time, in the words the form shows; null when it is acceptable. */
export function deliveryTimeIssue(opts: {
  deliveredAt: Date;
  acceptedAt: Date;
  scheduledAt: Date;
  now: Date;
  earlyReason?: string | null;
}): DeliveryTimeIssue | null {
  const t = opts.deliveredAt.getTime();
  const grace = DELIVERY_CLOCK_GRACE_MINUTES * 60_000;
  if (t > opts.now.getTime() + grace) return { field: "deliveredAt", message: vm("delivery.receivedInFuture") };
  if (t < opts.acceptedAt.getTime() - grace)
    return {
      field: "deliveredAt",
      message: vm("delivery.receivedBeforeAccepted"),
    };
  const early = (opts.scheduledAt.getTime() - t) / 60_000;
  if (early > EARLY_DELIVERY_MINUTES && (opts.earlyReason ?? "").trim().length < 5)
    return {
      field: "earlyReason",
      message: vm("delivery.earlyReason"),
    };
  return null;
}
