import { describe, expect, it } from "vitest";
import { isOcdsPrefix, ocidFor, TEST_OCDS_PREFIX } from "@/lib/domain/ocds-prefix";

describe("the OCDS ocid prefix", () => {
  it("is ocds- and six lower-case letters or digits, as the OCDS helpdesk issues them", () => {
    for (const ok of ["ocds-b5fd17", "ocds-213czf", TEST_OCDS_PREFIX]) expect(isOcdsPrefix(ok), ok).toBe(true);
    for (const bad of ["ocds-mamin-mjk", "ocds-b5fd1", "ocds-b5fd178", "OCDS-b5fd17", "ocds-B5FD17", "ocds_b5fd17", ""])
      expect(isOcdsPrefix(bad), bad).toBe(false);
  });

  it("starts every ocid, joined to the order's number by a hyphen", () => {
    expect(ocidFor("ocds-b5fd17", "MM-2026-000250")).toBe("ocds-b5fd17-MM-2026-000250");
  });
});
