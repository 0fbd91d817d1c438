import { describe, expect, it } from "vitest";
import { isRetryable, isUniqueViolation } from "@/lib/data/tx";

// Shapes observed from Prisma 7 with @prisma/adapter-pg.
const rawUnique = {
  code: "P2010",
  meta: {
    driverAdapterError: {
      name: "DriverAdapterError",
      cause: { originalCode: "23505", kind: "UniqueConstraintViolation" },
    },
  },
};
const rawDeadlock = {
  code: "P2010",
  meta: { driverAdapterError: { cause: { originalCode: "40P01", kind: "postgres" } } },
};

describe("database error classification", () => {
  it("finds a unique violation however deeply Prisma wraps it", () => {
    expect(isUniqueViolation(rawUnique)).toBe(true);
    expect(isUniqueViolation({ code: "P2002" })).toBe(true);
    expect(isUniqueViolation(rawDeadlock)).toBe(false);
    expect(isUniqueViolation(new Error("boom"))).toBe(false);
  });
  it("retries deadlocks and serialization failures only", () => {
    expect(isRetryable(rawDeadlock)).toBe(true);
    expect(isRetryable({ code: "P2034" })).toBe(true);
    expect(isRetryable(rawUnique)).toBe(false);
    expect(isRetryable(null)).toBe(false);
  });
});
