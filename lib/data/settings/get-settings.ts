import type { Tx } from "@/lib/db/client";
import { resolveSettings, SETTINGS_KEY, type RoutingSettings } from "@/lib/domain/settings";

export async function getSettings(tx: Tx): Promise<RoutingSettings> {
  const row = await tx.setting.findUnique({ where: { key: SETTINGS_KEY } });
  return resolveSettings(row?.value);
}
