// A user chooses their own password (issue 17, item 8: a vendor's first step is to replace the one an admin gave
// out). The current password must be right; the new one follows the password policy (lib/validation/account.ts) and
// differs from the current one. Changing it ends every session of the account (the session version is bumped), so a
// copied cookie or a forgotten sign-in elsewhere stops working; audited, never with a password.
import { requireSignedIn } from "@/lib/data/authorise";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { initialPasswordSchema } from "@/lib/validation/account";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { vm } from "@/lib/domain/validation-message";

export const changePasswordSchema = z
  .object({
    current: z
      .string({ message: vm("account.currentRequired") })
      .min(1, vm("account.currentRequired"))
      .max(256),
    next: initialPasswordSchema,
    confirm: z.string().max(256),
  })
  .strict()
  .refine((v) => v.next === v.confirm, { message: vm("account.confirmMismatch"), path: ["confirm"] })
  .refine((v) => v.next !== v.current, { message: vm("account.sameAsCurrent"), path: ["next"] });

export async function changePassword(
  db: Db,
  opts: { clock: Clock; actor: Actor & { id: string }; input: unknown },
): Promise<void> {
  const { clock, actor, input: raw } = opts;
  requireSignedIn(actor);
  const input = parseInput(changePasswordSchema, raw);
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true, active: true } });
  if (!user || !user.active) throw new AppError("UNAUTHENTICATED");
  if (!(await verifyPassword(user.passwordHash, input.current)))
    throw new AppError("VALIDATION", { issues: { current: [vm("account.currentWrong")] } });
  const passwordHash = await hashPassword(input.next);
  await db.$transaction(async (tx) => {
    const n = await tx.user.updateMany({
      where: { id: actor.id, passwordHash: user.passwordHash },
      data: { passwordHash, passwordChangedAt: clock.now(), sessionVersion: { increment: 1 } },
    });
    if (n.count !== 1) throw new AppError("INVALID_STATE");
    await writeAudit(tx, actor, { action: "auth.password_changed", entity: "User", entityId: actor.id });
  });
}
