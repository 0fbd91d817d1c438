// The order state machine (docs/ARCHITECTURE.md §2). Every transition is a compare-and-set on the current state.
import type { OrderStatus } from "@/lib/generated/prisma/enums";

export const ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  SUBMITTED: ["OFFERED", "ESCALATED", "CANCELLED"],
  OFFERED: ["OFFERED", "ACCEPTED", "ESCALATED", "CANCELLED"],
  // ACCEPTED → OFFERED/ESCALATED: the vendor failed and there is still time to re-route.
  ACCEPTED: ["DELIVERED", "FAILED", "CANCELLED", "OFFERED", "ESCALATED"],
  ESCALATED: ["OFFERED", "CANCELLED"],
  DELIVERED: [],
  CANCELLED: [],
  FAILED: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** States in which the order holds its budget reservation. */
export const RESERVING_STATES: readonly OrderStatus[] = ["SUBMITTED", "OFFERED", "ACCEPTED", "ESCALATED", "DELIVERED"];

/** States an OPD may still cancel from. */
export const CANCELLABLE_STATES: readonly OrderStatus[] = ["SUBMITTED", "OFFERED", "ESCALATED", "ACCEPTED"];
