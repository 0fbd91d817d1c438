import { getTranslations } from "@/lib/i18n/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { OrderStatus } from "@/lib/generated/prisma/enums";

const TONE: Record<OrderStatus, BadgeTone> = {
  SUBMITTED: "neutral",
  OFFERED: "info",
  ACCEPTED: "info",
  DELIVERED: "success",
  ESCALATED: "warning",
  CANCELLED: "neutral",
  FAILED: "danger",
};

export async function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const t = await getTranslations("status.order");
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}
