import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageRole } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { getOrderFormContext } from "@/lib/data/orders/get-order-form-context";
import { wibDay } from "@/lib/format";
import { Card } from "@/components/ui/card";
import { OrderForm } from "@/components/orders/order-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orderForm"))("title") };
}

export default async function NewOrderPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const user = await requirePageRole("OPD_STAFF");
  const { from } = await searchParams;
  // "Pesan lagi": an earlier order of this OPD to start from (anything else is ignored).
  const repeatOrderId = z.string().uuid().safeParse(from).success ? from! : null;
  const context = await getOrderFormContext(db(), {
    clock: systemClock,
    actor: user,
    userName: user.name,
    repeatOrderId,
  });
  const t = await getTranslations("orderForm");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {context.repeatOf ? (
        <p role="status" className="rounded-md bg-slate-100 p-3 text-sm">
          {t("repeatOf", { number: context.repeatOf })}
        </p>
      ) : null}
      <Card>
        {/* A fresh key per form: resubmitting the same form (double click, back button) makes one order. */}
        <ClientMessages namespaces={["orderForm", "status", "validation.order", "validation.common"]}>
          <OrderForm context={context} idempotencyKey={randomUUID()} minDate={wibDay(systemClock.now())} />
        </ClientMessages>
      </Card>
    </div>
  );
}
