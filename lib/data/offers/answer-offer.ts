// What a vendor's answers to an offer share (accept-offer.ts, decline-offer.ts): who answers, the decline's reason
// rule, and what each answer returns. Both are compare-and-set on the offer (PENDING, not past its deadline) under the
// order's row lock; a decline re-routes at once.
import type { Actor } from "@/lib/data/audit";
import { type RouteOutcome } from "@/lib/data/routing/route-order";
import { z } from "zod";
import { vm } from "@/lib/domain/validation-message";

export interface VendorActor extends Actor {
  id: string;
  vendorId: string;
  /** How the answer came: "link" from the one-tap link in the offer's message (recorded in the audit row). */
  via?: "link";
}

export const declineReasonSchema = z.string().trim().min(3, vm("reason.decline")).max(500);

export type Accepted = { orderId: string; alreadyAccepted: boolean };

export type Declined = { orderId: string; route: RouteOutcome };
