// Routing and sanction settings: defaults here, overrides in the Setting table (key "rules").
// Defaults follow the mission's notes (SIPLah-like response windows, e-Katalog's SP1→SP2→SP3 ladder).
import { z } from "zod";

export const settingsSchema = z.object({
  /** How long a vendor has to answer an offer. */
  responseWindowMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60),
  /** An offer's deadline is never later than this long before delivery. */
  minLeadMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60),
  /** E-purchasing orders go only to vendors whose e-Katalog listing is live (TAYANG). */
  ePurchasingRequiresTayang: z.boolean(),
  /** Delivered later than this counts as a failure (VERY_LATE). */
  veryLateMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** Receiving less than this share of the portions counts as a failure (SHORT_QUANTITY). */
  shortQuantityMinRatio: z.number().min(0).max(1),
  /** Failures within this many days count towards the next sanction level. */
  sanctionWindowDays: z
    .number()
    .int()
    .min(1)
    .max(3 * 365),
  /** Failures in the window that lead to SP2 (suspension) and SP3 (removal); the first gives SP1. */
  sp2AfterFailures: z.number().int().min(2).max(20),
  sp3AfterFailures: z.number().int().min(3).max(30),
  /** Length of an SP2 suspension. */
  suspensionDays: z.number().int().min(1).max(365),
});

export type RoutingSettings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: RoutingSettings = {
  responseWindowMinutes: 120,
  minLeadMinutes: 120,
  ePurchasingRequiresTayang: true,
  veryLateMinutes: 60,
  shortQuantityMinRatio: 0.9,
  sanctionWindowDays: 365,
  sp2AfterFailures: 2,
  sp3AfterFailures: 3,
  suspensionDays: 30,
};

export const SETTINGS_KEY = "rules";

/** Stored overrides on top of the defaults; an invalid stored value falls back to the default for that field. */
export function resolveSettings(stored: unknown): RoutingSettings {
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  if (stored && typeof stored === "object") {
    for (const [k, v] of Object.entries(stored)) {
      if (!(k in DEFAULT_SETTINGS)) continue;
      const field = settingsSchema.shape[k as keyof RoutingSettings];
      if (field.safeParse(v).success) merged[k] = v;
    }
  }
  const parsed = settingsSchema.safeParse(merged);
  return parsed.success && parsed.data.sp3AfterFailures > parsed.data.sp2AfterFailures ? parsed.data : DEFAULT_SETTINGS;
}
