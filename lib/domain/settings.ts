// Routing and sanction settings: defaults here, overrides in the Setting table (key "rules").
// Defaults follow the mission's notes (SIPLah-like response windows, e-Katalog's SP1→SP2→SP3 ladder).
import { z } from "zod";
import { DEFAULT_METERAI_THRESHOLD } from "@/lib/domain/payment";
import { DEFAULT_NUMBER_PATTERNS, numberPatternIssue } from "@/lib/domain/letters";

const numberPattern = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const issue = numberPatternIssue(v);
    if (issue) ctx.addIssue({ code: "custom", message: issue });
  });

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
  /**
   * Quiet hours (WIB, "HH:MM"; equal = off): an offer made then is sent to the vendor in the morning and its answer
   * window starts then, unless that would pass the lead time (lib/domain/quiet-hours.ts).
   */
  quietHoursStart: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  quietHoursEnd: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  /** E-purchasing orders go only to vendors whose e-Katalog listing is live (TAYANG). */
  ePurchasingRequiresTayang: z.boolean(),
  /** Delivered later than this counts as a failure (VERY_LATE). */
  veryLateMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /**
   * A failure (other than the vendor's own cancellation) can be reported only this long after the delivery time: an
   * order is not "not delivered" before it was due (lib/domain/sanctions.ts failureReportOpensAt).
   */
  failureReportGraceMinutes: z
    .number()
    .int()
    .min(0)
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
  /**
   * …and only when failures are at least this share of the vendor's orders due in the window (accepted, delivery
   * day passed): a busy vendor's rare slip is a warning, not a suspension (lib/domain/sanctions.ts).
   */
  sp2MinFailureShare: z.number().min(0).max(1),
  sp3MinFailureShare: z.number().min(0).max(1),
  /** Length of an SP2 suspension. */
  suspensionDays: z.number().int().min(1).max(365),
  /**
   * When nobody in the OPD's pool is eligible, offer the order to the least-awarded eligible UMKM of the whole
   * decree (cadangan kota) instead of escalating it to an admin.
   */
  cityReserve: z.boolean(),
  /** Days from the BAST within which the OPD aims to pay the vendor; older unpaid deliveries are listed as overdue. */
  paymentTargetDays: z.number().int().min(1).max(365),
  /** A kuitansi for more than this (rupiah) needs an e-meterai (UU 10/2020: Rp5.000.000). */
  meteraiThreshold: z.number().int().min(0).max(1_000_000_000),
  /** How the OPDs' letters are numbered (issue 18): a pattern per kind with {seq}, {year}, {month}, {opd}. */
  spNumberPattern: numberPattern,
  bastNumberPattern: numberPattern,
});

export type RoutingSettings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: RoutingSettings = {
  responseWindowMinutes: 120,
  minLeadMinutes: 120,
  quietHoursStart: "21:00",
  quietHoursEnd: "06:00",
  ePurchasingRequiresTayang: true,
  veryLateMinutes: 60,
  failureReportGraceMinutes: 30,
  shortQuantityMinRatio: 0.9,
  sanctionWindowDays: 365,
  sp2AfterFailures: 2,
  sp3AfterFailures: 3,
  sp2MinFailureShare: 0.1,
  sp3MinFailureShare: 0.2,
  suspensionDays: 30,
  cityReserve: true,
  paymentTargetDays: 14,
  meteraiThreshold: DEFAULT_METERAI_THRESHOLD,
  spNumberPattern: DEFAULT_NUMBER_PATTERNS["surat-pesanan"],
  bastNumberPattern: DEFAULT_NUMBER_PATTERNS.bast,
};

/** The ladder must climb: SP3 needs more failures, and at least the share, that SP2 needs. */
export function ladderIsOrdered(s: RoutingSettings): boolean {
  return s.sp3AfterFailures > s.sp2AfterFailures && s.sp3MinFailureShare >= s.sp2MinFailureShare;
}

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
  return parsed.success && ladderIsOrdered(parsed.data) ? parsed.data : DEFAULT_SETTINGS;
}
