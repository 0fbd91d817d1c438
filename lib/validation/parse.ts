// Turns bad input into one typed VALIDATION error carrying the field messages (Indonesian, from the
// schema), before a use case touches the database.
import type { z } from "zod";
import { AppError } from "@/lib/errors";

export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
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
