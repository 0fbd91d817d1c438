// Enrolling an admin or the mayor in TOTP. The password alone does not let anyone set up an authenticator (issue 16,
// item 11): another admin issues a single-use enrolment code (valid 24 hours; `npm run mfa:code -- <username>` for
// the very first admin), the account owner types it, which opens the set-up with a fresh secret (kept encrypted),
// then a code from the authenticator app confirms it, spends the enrolment code, enables the second factor and gives
// ten single-use recovery codes, shown once. Each step audited; codes are kept only as hashes and never audited.
//
// What the enrolment steps share: how long a code lives, its stored (hashed) form, and the account's opened code.
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { vm } from "@/lib/domain/validation-message";

/** How long an enrolment code may be used after it was issued. */
export const ENROLMENT_CODE_HOURS = 24;

/** The stored form of an enrolment code: case, spaces and dashes do not matter. */
export function hashEnrolmentCode(code: string): string {
  return createHash("sha256")
    .update(`mamin-merata:mfa-enrolment:${code.toLowerCase().replace(/[^a-z0-9]/g, "")}`)
    .digest("hex");
}

export const WRONG_CODE = vm("mfa.enrolmentCode");

/** The account's enrolment code that was typed and is still usable, if any. */
export async function openCode(db: Db, userId: string, now: Date) {
  return db.mfaEnrolmentCode.findFirst({
    where: { userId, openedAt: { not: null }, usedAt: null, expiresAt: { gt: now } },
    orderBy: { openedAt: "desc" },
  });
}
