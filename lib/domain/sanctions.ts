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

/** The level proposed for a vendor's failure, given how many failures (this one included) fall in the window. */
export function sanctionLevelFor(
  failuresInWindow: number,
  settings: Pick<RoutingSettings, "sp2AfterFailures" | "sp3AfterFailures">,
): SanctionLevel {
  if (failuresInWindow >= settings.sp3AfterFailures) return "SP3";
  if (failuresInWindow >= settings.sp2AfterFailures) return "SP2";
  return "SP1";
}

/** Minutes late, never negative. */
export function lateMinutesOf(deliveryAt: Date, deliveredAt: Date): number {
  return Math.max(0, Math.round((deliveredAt.getTime() - deliveryAt.getTime()) / 60_000));
}
