// Every OPD with its staff and its budget lines for a fiscal year (what each has committed): the admin's OPD page.
import type { Tx } from "@/lib/db/client";
import { type Actor } from "@/lib/data/audit";
import { rp } from "@/lib/domain/money";
import { requireAdmin } from "@/lib/data/authorise";

export async function listOpdsWithMoney(tx: Tx, opts: { actor: Actor; fiscalYear: number }) {
  requireAdmin(opts.actor);
  const { fiscalYear } = opts;
  const opds = await tx.opd.findMany({
    orderBy: { code: "asc" },
    include: {
      users: {
        where: { role: "OPD_STAFF" },
        select: { id: true, username: true, name: true, active: true, treasurer: true, lastLoginAt: true },
        orderBy: { username: "asc" },
      },
      budgets: { where: { fiscalYear }, orderBy: { accountCode: "asc" } },
    },
  });
  return opds.map((o) => ({
    id: o.id,
    code: o.code,
    name: o.name,
    address: o.address,
    headName: o.headName,
    headNip: o.headNip,
    headTitle: o.headTitle,
    phone: o.phone,
    staff: o.users,
    budgets: o.budgets.map((b) => ({
      id: b.id,
      accountCode: b.accountCode,
      accountName: b.accountName,
      pagu: rp(b.pagu),
      committed: rp(b.committed),
    })),
  }));
}
