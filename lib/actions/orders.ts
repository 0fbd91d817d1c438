"use server";
// OPD staff place an order: authenticate → parse (the shared zod schema, inside the use case) → submitOrder →
// redirect to the order page. Errors come back as plain Indonesian messages with the fields they concern.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { requireOpd, requireRole } from "@/lib/auth/guards";
import { submitOrder } from "@/lib/data/orders/submit-order";
import { cancelOrder } from "@/lib/data/orders/cancel-order";
import { confirmDelivery, reportFailure } from "@/lib/data/fulfilment/settle-order";
import { z } from "zod";
import { isAppError } from "@/lib/errors";
import { wibDateTime } from "@/lib/format";

export interface OrderFormState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
}

function deliveryAt(date: FormDataEntryValue | null, time: FormDataEntryValue | null): Date | string {
  try {
    return wibDateTime(String(date ?? ""), String(time ?? ""));
  } catch {
    return "invalid";
  }
}

export async function submitOrderAction(_prev: OrderFormState, formData: FormData): Promise<OrderFormState> {
  const user = await requireRole("OPD_STAFF");
  const h = await headers();
  const actor = {
    id: user.id,
    role: user.role,
    opdId: requireOpd(user),
    ip: h.get("x-forwarded-for"),
    userAgent: h.get("user-agent"),
  };
  const field = (k: string) => formData.get(k);
  let orderId: string;
  try {
    const r = await submitOrder(db(), systemClock, actor, {
      idempotencyKey: field("idempotencyKey"),
      eventName: field("eventName"),
      deliveryAt: deliveryAt(field("deliveryDate"), field("deliveryTime")),
      place: field("place"),
      contactName: field("contactName"),
      contactPhone: field("contactPhone"),
      pax: field("pax"),
      category: field("category"),
      unitPrice: field("unitPrice"),
      accountCode: field("accountCode"),
      method: field("method"),
      notes: field("notes") || null,
    });
    orderId = r.orderId;
  } catch (e) {
    if (!isAppError(e)) throw e;
    const t = await getTranslations("errors");
    const issues = (e.details?.issues ?? undefined) as Record<string, string[]> | undefined;
    return { message: t(e.code), fieldErrors: issues };
  }
  revalidatePath("/opd");
  redirect(`/opd/orders/${orderId}`);
}

/** OPD staff cancel one of their own orders, with a reason (a plain form post from the order page). */
export async function cancelOrderAction(formData: FormData): Promise<void> {
  const user = await requireRole("OPD_STAFF");
  const h = await headers();
  const actor = {
    id: user.id,
    role: user.role,
    opdId: requireOpd(user),
    ip: h.get("x-forwarded-for"),
    userAgent: h.get("user-agent"),
  };
  const orderId = z.string().uuid().safeParse(formData.get("orderId"));
  if (!orderId.success) redirect("/opd/orders");
  let target = `/opd/orders/${orderId.data}?done=cancelled`;
  try {
    await cancelOrder(db(), systemClock, actor, orderId.data, String(formData.get("reason") ?? ""));
  } catch (e) {
    if (!isAppError(e)) throw e;
    target = `/opd/orders/${orderId.data}?error=${e.code}`;
  }
  revalidatePath("/opd");
  redirect(target);
}

async function settle(orderId: string, run: () => Promise<unknown>, done: string): Promise<never> {
  let target = `/opd/orders/${orderId}?done=${done}`;
  try {
    await run();
  } catch (e) {
    if (!isAppError(e)) throw e;
    target = `/opd/orders/${orderId}?error=${e.code}`;
  }
  revalidatePath("/opd");
  redirect(target);
}

async function opdActor() {
  const user = await requireRole("OPD_STAFF");
  const h = await headers();
  return {
    id: user.id,
    role: user.role,
    opdId: requireOpd(user),
    ip: h.get("x-forwarded-for"),
    userAgent: h.get("user-agent"),
  };
}

/** The OPD confirms what arrived: when, how many portions, and a rating. Too late or too short becomes a failure. */
export async function confirmDeliveryAction(formData: FormData): Promise<void> {
  const actor = await opdActor();
  const orderId = z.string().uuid().safeParse(formData.get("orderId"));
  if (!orderId.success) redirect("/opd/orders");
  await settle(
    orderId.data,
    () =>
      confirmDelivery(db(), systemClock, actor, orderId.data, {
        deliveredAt: deliveryAt(formData.get("deliveredDate"), formData.get("deliveredTime")),
        quantityReceived: formData.get("quantityReceived"),
        rating: formData.get("rating") || null,
      }),
    "delivered",
  );
}

/** The OPD reports that the vendor failed, with the kind of failure and what happened. */
export async function reportFailureAction(formData: FormData): Promise<void> {
  const actor = await opdActor();
  const orderId = z.string().uuid().safeParse(formData.get("orderId"));
  if (!orderId.success) redirect("/opd/orders");
  await settle(
    orderId.data,
    () =>
      reportFailure(db(), systemClock, actor, orderId.data, {
        type: formData.get("type"),
        evidence: formData.get("evidence"),
      }),
    "failed",
  );
}
