// Why input was refused, written where a rule refuses it as a key of the message catalogue (messages → "validation")
// plus its values — never as text in one language (issue 18). A key travels inside the refusal's text as a token
// (`⟦order.eventNameShort⟧`, values URI-encoded JSON after a bar), so it passes through zod, AppError and import
// reports unchanged, and is written in the reader's language at the boundary that shows it: the server actions
// (lib/i18n/validation.ts) and the order form's instant check in the browser. Values are NoticeValues
// (lib/domain/notices.ts): a person's words or a number as given; rupiah, instants, days and catalogue labels written
// each language's way. Pure.
import type id from "@/messages/id.json";
import { noticeValues, type NoticeFormat, type NoticeParams } from "@/lib/domain/notices";

type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];

/** Every key of messages → validation (a typo fails the typecheck). */
export type ValidationKey = Leaves<(typeof id)["validation"]>;

const TOKEN = /⟦([A-Za-z0-9_.]+)(?:\|([^⟧]*))?⟧/g;

/** The refusal `key` with `values`, as a token any message text can carry. */
export function vm(key: ValidationKey, values?: NoticeParams): string {
  return values ? `⟦${key}|${encodeURIComponent(JSON.stringify(values))}⟧` : `⟦${key}⟧`;
}

/** Whether `text` carries at least one refusal token. */
export function hasValidationKey(text: string): boolean {
  return new RegExp(TOKEN.source).test(text);
}

/** The tokens of `text` as key and values, in order (for tests and checks). */
export function validationKeysOf(text: string): { key: string; values: NoticeParams }[] {
  return [...text.matchAll(TOKEN)].map((m) => ({
    key: m[1]!,
    values: m[2] ? (JSON.parse(decodeURIComponent(m[2])) as NoticeParams) : {},
  }));
}

/** A translator of the "validation" namespace, and how its language writes values. */
export interface ValidationWriter {
  t: (key: string, values?: Record<string, string>) => string;
  format: NoticeFormat;
}

/** `text` with every token written by `w` (text around the tokens, e.g. a column's name, kept as it is). */
export function writeValidation(text: string, w: ValidationWriter): string {
  return text.replace(TOKEN, (_, key: string, enc: string | undefined) => {
    let values: NoticeParams = {};
    if (enc) {
      try {
        values = JSON.parse(decodeURIComponent(enc)) as NoticeParams;
      } catch {
        values = {};
      }
    }
    return w.t(key, noticeValues(values, w.format));
  });
}

/** Every message of a field → messages map written by `w`. */
export function writeIssues(
  issues: Record<string, string[] | undefined> | undefined,
  w: ValidationWriter,
): Record<string, string[]> | undefined {
  if (!issues) return undefined;
  return Object.fromEntries(
    Object.entries(issues).map(([field, list]) => [field, (list ?? []).map((m) => writeValidation(m, w))]),
  );
}

/** The amounts a refusal can name (messages → validation.amounts). */
export type AmountName = keyof (typeof id)["validation"]["amounts"];
