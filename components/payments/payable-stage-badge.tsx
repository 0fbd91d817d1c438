import { getTranslations } from "@/lib/i18n/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { PayableStage } from "@/lib/domain/payment";

const TONES: Record<PayableStage, BadgeTone> = {
  AWAITING_INVOICE: "neutral",
  INVOICE_RETURNED: "danger",
  INVOICE_REVIEW: "warning",
  AWAITING_PAYMENT: "info",
  PARTIALLY_PAID: "info",
  PAID: "success",
};

/** Where a delivered order's money stands, in words (never the code). */
export async function PayableStageBadge({ stage }: { stage: PayableStage }) {
  const t = await getTranslations("payments");
  return <Badge tone={TONES[stage]}>{t(`stage.${stage}`)}</Badge>;
}
