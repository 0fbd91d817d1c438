// A new vendor's first steps (issue 17, item 8): what it must do before routing can offer it anything and before it
// can be reached — its own password, at least one menu (a category routing can match), a WhatsApp number that
// works and an e-mail address — and one optional step, days off. The vendor home shows the list until the required
// steps are done; each step links to where it is done.
import { waNumber } from "@/lib/domain/whatsapp";

export const FIRST_STEPS = ["password", "menu", "whatsapp", "email", "daysOff"] as const;
export type FirstStep = (typeof FIRST_STEPS)[number];
/** Steps that may stay undone (a vendor that never closes has no days off to enter). */
export const OPTIONAL_STEPS: readonly FirstStep[] = ["daysOff"];

export interface FirstStepsInput {
  passwordChanged: boolean;
  activeMenuItems: number;
  whatsapp: string | null;
  email: string | null;
  daysOff: number;
}

/** Each step and whether it is done. */
export function firstSteps(v: FirstStepsInput): { step: FirstStep; done: boolean; optional: boolean }[] {
  const done: Record<FirstStep, boolean> = {
    password: v.passwordChanged,
    menu: v.activeMenuItems > 0,
    whatsapp: waNumber(v.whatsapp) !== null,
    email: Boolean(v.email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email)),
    daysOff: v.daysOff > 0,
  };
  return FIRST_STEPS.map((step) => ({ step, done: done[step], optional: OPTIONAL_STEPS.includes(step) }));
}

/** True while a required step is still to do. */
export function firstStepsPending(v: FirstStepsInput): boolean {
  return firstSteps(v).some((s) => !s.done && !s.optional);
}
