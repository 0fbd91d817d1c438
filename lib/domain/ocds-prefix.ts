// The OCDS ocid prefix (issue 22): every ocid a publisher writes starts with the prefix the OCDS helpdesk registered
// for it — "ocds-" and six lower-case letters or digits (e.g. ocds-b5fd17) — so that ocids are unique worldwide.
// Until Kota Mojokerto registers its own (README: "Open data"), the portal publishes under a prefix that is plainly a
// test one, and says so on its publication policy page.

export const OCDS_PREFIX_PATTERN = /^ocds-[a-z0-9]{6}$/;

/** Not a registered prefix: what the demo and an unconfigured portal publish under. */
export const TEST_OCDS_PREFIX = "ocds-test00";

export const OCDS_PREFIX_RULE =
  "OCDS_PREFIX must be ocds- followed by the six characters the OCDS helpdesk issued, e.g. ocds-b5fd17";

export function isOcdsPrefix(value: string): boolean {
  return OCDS_PREFIX_PATTERN.test(value);
}

/** The ocid of one contracting process (one order): the prefix, a hyphen, the order's number. */
export function ocidFor(prefix: string, orderNumber: string): string {
  return `${prefix}-${orderNumber}`;
}
