// Typed domain failures. Only their code crosses to the user, as a message in the user's language
// (messages/<locale>.json → "errors.<code>"); never a stack, SQL or Prisma text.
export const ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "VALIDATION",
  "CONFLICT",
  "INTERNAL",
  "BUDGET_EXCEEDED",
  "NO_BUDGET",
  "PRICE_CEILING_EXCEEDED",
  "NO_PRICE_CEILING",
  "IDEMPOTENCY_MISMATCH",
  "INVALID_STATE",
  "OFFER_EXPIRED",
  "TOO_LATE",
  "NOT_ELIGIBLE",
  "TOO_EARLY",
  "PERIOD_TOO_LONG",
  "NOTHING_TO_PUBLISH",
  "THROTTLED",
  "MFA_REQUIRED",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  INTERNAL: 500,
  BUDGET_EXCEEDED: 422,
  NO_BUDGET: 422,
  PRICE_CEILING_EXCEEDED: 422,
  NO_PRICE_CEILING: 422,
  IDEMPOTENCY_MISMATCH: 409,
  INVALID_STATE: 409,
  OFFER_EXPIRED: 409,
  TOO_LATE: 422,
  NOT_ELIGIBLE: 422,
  TOO_EARLY: 422,
  PERIOD_TOO_LONG: 422,
  NOTHING_TO_PUBLISH: 404,
  THROTTLED: 429,
  MFA_REQUIRED: 401,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.name = "AppError";
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };
