// Notifications as a template plus parameters (issue 18): stored that way and rendered in the reader's language when
// read — in the app, and for e-mail, push and text messages in the recipient's language — instead of Indonesian text
// fixed when written. A parameter is a person's own words or a name (shown as given), a number, or a value each
// language writes its own way: an amount in rupiah, an instant or a day (in WIB), or a code named by the message
// catalogue. Pure; the catalogue's texts are messages → "notices" (both languages, the same placeholders: checked by
// tests/unit/notices.test.ts).

/** Every notification template; its title and body are messages → `notices.<template>.title` / `.body`. */
export const NOTICE_TEMPLATES = [
  "decreeAmendment",
  "deliveryHandedOver",
  "deliveryOnTheWay",
  "documentExpiringAdmin",
  "documentExpiringVendor",
  "invoiceAccepted",
  "invoiceReturned",
  "invoiceSubmitted",
  "offerAssigned",
  "offerNew",
  "offerNewReserve",
  "offerWhatsapp",
  "orderAccepted",
  "orderAssigned",
  "orderCancelled",
  "orderEscalated",
  "orderFailed",
  "paymentRecorded",
  "paymentRecordedInFull",
  "paymentReversed",
  "sanctionClarified",
  "sanctionConfirmed",
  "sanctionDismissed",
  "sanctionProposed",
  "suspensionEnded",
  "vendorReinstated",
] as const;
export type NoticeTemplate = (typeof NOTICE_TEMPLATES)[number];

export function isNoticeTemplate(value: unknown): value is NoticeTemplate {
  return typeof value === "string" && (NOTICE_TEMPLATES as readonly string[]).includes(value);
}

/** One parameter: as given, or written the reader's way (rupiah, an instant or a day in WIB, a catalogue label). */
export type NoticeValue = string | number | { rp: number } | { at: string } | { day: string } | { label: string };
export type NoticeParams = Record<string, NoticeValue>;

/** How a reader's language writes the values that are not as given. */
export interface NoticeFormat {
  rupiah(amount: number): string;
  dateTime(at: Date): string;
  date(day: Date): string;
  /** A catalogue message by its full key ("status.sanctionLevel.SP2"); the key itself when there is none. */
  label(key: string): string;
}

/** The parameters as the reader's language writes them, ready for the message's placeholders. */
export function noticeValues(params: NoticeParams, format: NoticeFormat): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === "string") out[k] = v;
    else if (typeof v === "number") out[k] = String(v);
    else if ("rp" in v) out[k] = format.rupiah(v.rp);
    else if ("at" in v) out[k] = format.dateTime(new Date(v.at));
    else if ("day" in v) out[k] = format.date(new Date(`${v.day.slice(0, 10)}T00:00:00.000Z`));
    else out[k] = format.label(v.label);
  }
  return out;
}

/** Checks a stored value (JSON from the database) is a parameter map; anything else reads as none. */
export function asNoticeParams(value: unknown): NoticeParams | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  for (const v of Object.values(value as Record<string, unknown>)) {
    if (typeof v === "string" || typeof v === "number") continue;
    if (!v || typeof v !== "object") return null;
    const keys = Object.keys(v);
    if (keys.length !== 1 || !["rp", "at", "day", "label"].includes(keys[0]!)) return null;
  }
  return value as NoticeParams;
}
