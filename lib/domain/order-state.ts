// The order state machine (docs/ARCHITECTURE.md §2). Every transition is a compare-and-set on the current state.
// The database refuses any other status change, whoever writes it: its mirror of this map is
// mm_order_transition_allowed (migration 20261130030000_order_state_guard), compared with it on every pair by
// tests/integration/order-state-guard.test.ts.
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

/**
 * An order's states in which its value is the vendor's — accepted (to deliver) or delivered — as the vendor's home
 * counts "awarded this year". A failed order is not (the vendor's routing standing still counts a failed offer:
 * AWARDED_OFFER_STATUSES in lib/domain/routing.ts, so failing does not win more orders).
 */
export const AWARDED_ORDER_STATES = ["ACCEPTED", "DELIVERED"] as const satisfies readonly OrderStatus[];

/** States an OPD may still cancel from. */
export const CANCELLABLE_STATES: readonly OrderStatus[] = ["SUBMITTED", "OFFERED", "ESCALATED", "ACCEPTED"];
