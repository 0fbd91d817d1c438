// Refusal keys (lib/domain/validation-message.ts) written as a person reads them, for tests that check the words.
import { validationIssues, validationText } from "@/lib/i18n/validation";
import { AppError } from "@/lib/errors";

/** `text` (a refusal, or a report line carrying refusal keys) in Bahasa Indonesia. */
export const inIndonesian = (text: string | undefined): string => validationText(text ?? "", "id");

/** `text` in English. */
export const inEnglish = (text: string | undefined): string => validationText(text ?? "", "en");

/** A refusal's field messages in Bahasa Indonesia. */
export const issuesInIndonesian = (issues: unknown) =>
  validationIssues(issues as Record<string, string[]> | undefined, "id") ?? {};

/** `value` with every text in it (nested too) in Bahasa Indonesia; an AppError as its code and details. */
export function readable<T>(value: T): T {
  if (typeof value === "string") return inIndonesian(value) as T;
  if (value instanceof AppError) return { code: value.code, details: readable(value.details) } as T;
  if (Array.isArray(value)) return value.map(readable) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, readable(v)])) as T;
  return value;
}
