// The letters the order has at its status (lib/domain/letters.ts lettersAt), as downloads. A server component of the
// OPD's order page.
import { FileText } from "lucide-react";
import { getTranslations } from "@/lib/i18n/server";
import { Card, CardTitle } from "@/components/ui/card";
import { lettersAt } from "@/lib/domain/letters";
import type { OrderStatus } from "@/lib/generated/prisma/enums";

const LABEL = { "surat-pesanan": "orderDetail.docSuratPesanan", bast: "orderDetail.docBast" } as const;

export async function OrderLetters({ orderId, status }: { orderId: string; status: OrderStatus }) {
  const kinds = lettersAt(status);
  if (kinds.length === 0) return null;
  const t = await getTranslations();
  return (
    <Card>
      <CardTitle>{t("orderDetail.documents")}</CardTitle>
      <ul className="flex flex-wrap gap-3">
        {kinds.map((kind) => (
          <li key={kind}>
            <a
              href={`/api/orders/${orderId}/documents/${kind}`}
              download
              className="inline-flex h-10 items-center gap-2 rounded-md border border-slate-300 px-3 text-sm font-semibold hover:bg-slate-50"
            >
              <FileText aria-hidden className="size-4" />
              {t(LABEL[kind])}
            </a>
          </li>
        ))}
      </ul>
    </Card>
  );
}
