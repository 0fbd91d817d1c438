// `npm run mfa:code -- <username>`: an enrolment code for an admin or the mayor to set up their authenticator app,
// issued from the server's own command line — for the very first admin, when no other admin can issue one on
// /admin/accounts. Whoever runs it can reach the database already. Audited like an admin's (actor: none).
import { createPrisma } from "@/lib/db/client";
import { systemClock } from "@/lib/clock";
import { issueMfaEnrolmentCode } from "@/lib/data/user/mfa/issue-mfa-enrolment-code";
import { formatDateTimeWIB } from "@/lib/format";
import { isAppError } from "@/lib/errors";
import { openProjectDatabase } from "./lib/project-database";

const username = process.argv[2]?.trim().toLowerCase();
if (!username) {
  console.error("usage: npm run mfa:code -- <username>");
  process.exit(2);
}
const database = await openProjectDatabase(() => {});
const prisma = createPrisma(database.url, 1);
let status = 0;
try {
  const user = await prisma.user.findUnique({ where: { username }, select: { id: true } });
  if (!user) throw new Error(`no account named ${username}`);
  const r = await issueMfaEnrolmentCode(prisma, {
    clock: systemClock,
    actor: { id: null, role: null },
    userId: user.id,
  });
  console.log(`Kode pendaftaran untuk ${r.username}: ${r.code}`);
  console.log(`Berlaku sampai ${formatDateTimeWIB(r.expiresAt)}, sekali pakai. Serahkan langsung kepada pemilik akun.`);
} catch (e) {
  const noSchema = (e as { code?: string }).code === "P2021";
  console.error(
    noSchema
      ? "this database has no tables yet: start the portal once (npm run demo, or npm start) so its migrations run"
      : isAppError(e)
        ? e.code === "INVALID_STATE"
          ? "the account is inactive or has set up its authenticator already"
          : `refused: ${e.code} (only admin and mayor accounts enrol)`
        : e instanceof Error
          ? e.message
          : String(e),
  );
  status = 1;
} finally {
  await prisma.$disconnect();
  await database.close();
}
process.exit(status);
