// The language a signed-in person chose, remembered on their account: e-mail, push and text messages reach them in
// it (lib/data/notifications/dispatch-outbox.ts). A preference, not a decision: no audit row.
import type { Tx } from "@/lib/db/client";
import type { AppLocale } from "@/lib/i18n/locales";

export async function rememberLocale(tx: Tx, userId: string, locale: AppLocale): Promise<void> {
  await tx.user.updateMany({ where: { id: userId, NOT: { locale } }, data: { locale } });
}
