// The routing and sanction rules saved at once (checked as a whole), with their audit row.
import type { Db } from "@/lib/db/client";
import { writeAudit, type Actor } from "@/lib/data/audit";
import { inTransaction } from "@/lib/data/tx";
import { parseInput } from "@/lib/validation/parse";
import { getSettings } from "@/lib/data/settings/get-settings";
import { SETTINGS_KEY, settingsSchema, type RoutingSettings } from "@/lib/domain/settings";
import { vm } from "@/lib/domain/validation-message";
import { requireAdmin } from "@/lib/data/authorise";

/** The routing and sanction rules, all at once (validated as a whole: SP3 must need more failures, and at least
 * the share, that SP2 needs). */
export async function saveRules(db: Db, opts: { actor: Actor; input: unknown }): Promise<RoutingSettings> {
  const { actor, input: raw } = opts;
  requireAdmin(actor);
  const input = parseInput(
    settingsSchema
      .strict()
      .refine((s) => s.sp3AfterFailures > s.sp2AfterFailures, {
        message: vm("settings.sp3Count"),
        path: ["sp3AfterFailures"],
      })
      .refine((s) => s.sp3MinFailureShare >= s.sp2MinFailureShare, {
        message: vm("settings.sp3Share"),
        path: ["sp3MinFailureShare"],
      }),
    raw,
  );
  return inTransaction(db, async (tx) => {
    const before = await getSettings(tx);
    await tx.setting.upsert({
      where: { key: SETTINGS_KEY },
      create: { key: SETTINGS_KEY, value: input, updatedById: actor.id },
      update: { value: input, updatedById: actor.id },
    });
    await writeAudit(tx, actor, {
      action: "settings.updated",
      entity: "Setting",
      entityId: SETTINGS_KEY,
      before,
      after: input,
    });
    return input;
  });
}
