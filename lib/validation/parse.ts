// Turns bad input into one typed VALIDATION error carrying the field messages (refusal keys from the schema, written
// in the reader's language at the boundary: lib/domain/validation-message.ts), before a use case touches the
// database. A rule without a message of its own (a bare `.max(200)`) is named by its kind, never in zod's English. Text with control characters or bidirectional overrides is
// refused whatever the schema (lib/domain/text.ts).
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { hasUnsafeCharacters, UNSAFE_TEXT_MESSAGE } from "@/lib/domain/text";
import { hasValidationKey, vm } from "@/lib/domain/validation-message";

/** An issue's message as a refusal key: the schema's own, or one naming the kind of rule it broke. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  if (hasValidationKey(issue.message)) return issue.message;
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") return vm("common.tooShort", { min: Number(issue.minimum) });
      if (issue.origin === "number" || issue.origin === "int")
        return vm("common.tooSmall", { min: Number(issue.minimum) });
      return vm("common.tooFew", { min: Number(issue.minimum) });
    case "too_big":
      if (issue.origin === "string") return vm("common.tooLong", { max: Number(issue.maximum) });
      if (issue.origin === "number" || issue.origin === "int")
        return vm("common.tooLarge", { max: Number(issue.maximum) });
      return vm("common.tooMany", { max: Number(issue.maximum) });
    case "invalid_type":
      return issue.input === undefined || issue.input === null ? vm("common.required") : vm("common.invalid");
    case "invalid_format":
      return vm("common.invalidFormat");
    case "invalid_value":
      return vm("common.notAnOption");
    case "unrecognized_keys":
      return vm("common.unknownField");
    default:
      return vm("common.invalid");
  }
}

/** Every text in `raw` (nested objects and arrays too) with a character no field accepts, by its field path. */
function unsafeTextFields(
  raw: unknown,
  path: string[] = [],
  out: Record<string, string[]> = {},
): Record<string, string[]> {
  if (typeof raw === "string") {
    if (hasUnsafeCharacters(raw)) out[path.length ? path.join(".") : "form"] = [UNSAFE_TEXT_MESSAGE];
  } else if (Array.isArray(raw)) {
    raw.forEach((v, i) => unsafeTextFields(v, [...path, String(i)], out));
  } else if (raw && typeof raw === "object" && Object.getPrototypeOf(raw) === Object.prototype) {
    for (const [k, v] of Object.entries(raw)) unsafeTextFields(v, [...path, k], out);
  }
  return out;
}

export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  // Control characters and bidirectional overrides are refused in every text field (lib/domain/text.ts).
  const unsafe = unsafeTextFields(raw);
  if (Object.keys(unsafe).length > 0) throw new AppError("VALIDATION", { issues: unsafe });
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues: Record<string, string[]> = {};
    for (const i of parsed.error.issues) {
      const key = i.path.length ? i.path.join(".") : "form";
      (issues[key] ??= []).push(issueMessage(i));
    }
    throw new AppError("VALIDATION", { issues });
  }
  return parsed.data;
}
