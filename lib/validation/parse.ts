// Turns bad input into one typed VALIDATION error carrying the field messages (Indonesian, from the
// schema), before a use case touches the database. Text with control characters or bidirectional overrides is
// refused whatever the schema (lib/domain/text.ts).
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { hasUnsafeCharacters, UNSAFE_TEXT_MESSAGE } from "@/lib/domain/text";

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
      (issues[key] ??= []).push(i.message);
    }
    throw new AppError("VALIDATION", { issues });
  }
  return parsed.data;
}
