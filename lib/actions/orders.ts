"use server";
// OPD staff's order actions: authenticate → parse (the shared zod schemas, inside the use cases) → use case →
// redirect. The order form gets its errors back as plain words in the reader's language with the fields they concern; the
// order page's plain forms get the outcome in the URL.
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getTranslations, requestIssues } from "@/lib/i18n/server";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { submitOrder } from "@/lib/data/orders/submit-order";
import { cancelOrder } from "@/lib/data/orders/cancel-order";
import { confirmDelivery } from "@/lib/data/fulfilment/confirm-delivery";
import { reportFailure } from "@/lib/data/fulfilment/report-failure";
import { idField, opdActor, runAndRedirect } from "@/lib/actions/form-action";
import { isAppError } from "@/lib/errors";
import { wibDateTime, wibDay, wibTime } from "@/lib/format";
import { checkPhoto } from "@/lib/storage/photos";

export interface OrderFormState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** Too short a notice: the earliest delivery that can still be offered to a vendor (WIB), for the form to offer. */
  earliest?: { date: string; time: string };
  /** What was typed, when the server refused it: the form shows it again (nothing typed is lost). */
  values?: Record<string, string>;
}

/** The order form's typed fields, as text, to give back with a refusal. */
const ORDER_FIELDS = [
  "eventName",
  "deliveryDate",
  "deliveryTime",
  "place",
  "contactName",
  "contactPhone",
  "pax",
  "category",
  "unitPrice",
  "accountCode",
  "method",
  "notes",
] as const;

function deliveryAt(date: FormDataEntryValue | null, time: FormDataEntryValue | null): Date | string {
  try {
    return wibDateTime(String(date ?? ""), String(time ?? ""));
  } catch {
    return "invalid";
  }
}

export async function submitOrderAction(_prev: OrderFormState, formData: FormData): Promise<OrderFormState> {
  const actor = await opdActor();
  const field = (k: string) => formData.get(k);
  let orderId: string;
  try {
    const r = await submitOrder(db(), {
      clock: systemClock,
      actor,
      input: {
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
        ...(field("confirmLarge") ? { confirmLarge: field("confirmLarge") } : {}),
      },
    });
    orderId = r.orderId;
  } catch (e) {
    if (!isAppError(e)) throw e;
    const t = await getTranslations("errors");
    const issues = await requestIssues(e.details?.issues);
    const earliest = typeof e.details?.earliest === "string" ? new Date(e.details.earliest) : null;
    const values = Object.fromEntries(
      ORDER_FIELDS.map((k) => [k, typeof formData.get(k) === "string" ? String(formData.get(k)).slice(0, 2000) : ""]),
    );
    return {
      message: t(e.code),
      fieldErrors: issues,
      values,
      ...(earliest ? { earliest: { date: wibDay(earliest), time: wibTime(earliest) } } : {}),
    };
  }
  revalidatePath("/opd");
  redirect(`/opd/orders/${orderId}`);
}

const settle = (orderId: string, run: () => Promise<unknown>, done: string) =>
  runAndRedirect(`/opd/orders/${orderId}`, "/opd", run, done);

/** OPD staff cancel one of their own orders, with a reason (a plain form post from the order page). */
export async function cancelOrderAction(formData: FormData): Promise<void> {
  const actor = await opdActor();
  const orderId = idField(formData, "orderId", "/opd/orders");
  const reason = String(formData.get("reason") ?? "");
  await settle(orderId, () => cancelOrder(db(), { clock: systemClock, actor, orderId, reason }), "cancelled");
}

export interface DeliveryFormState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** What was typed, given back with a refusal so the form shows it again. */
  values?: Record<string, string>;
  /** The photo that was chosen (a browser cannot keep it): the form asks for it again by name. */
  photoName?: string;
}

const DELIVERY_FIELDS = ["deliveredDate", "deliveredTime", "quantityReceived", "rating", "earlyReason"] as const;

/**
 * The OPD confirms what arrived: when, how many portions, a rating, a photo. Too late or too short becomes a failure.
 * A refusal comes back to the form with what was typed; success goes to the order page.
 */
export async function confirmDeliveryAction(_prev: DeliveryFormState, formData: FormData): Promise<DeliveryFormState> {
  const actor = await opdActor();
  const orderId = idField(formData, "orderId", "/opd/orders");
  const photo = formData.get("photo");
  const chosen = photo instanceof File && photo.size > 0 ? photo : null;
  let outcome: "delivered" | "failed";
  try {
    // The optional photo is checked here in memory; the use case stores it (under a name the server chooses) only
    // once the order proved to be this OPD's and awaiting delivery.
    const checked = chosen ? await checkPhoto(chosen) : null;
    const r = await confirmDelivery(db(), {
      clock: systemClock,
      actor,
      orderId,
      input: {
        deliveredAt: deliveryAt(formData.get("deliveredDate"), formData.get("deliveredTime")),
        quantityReceived: formData.get("quantityReceived"),
        rating: formData.get("rating") || null,
        earlyReason: formData.get("earlyReason") || null,
      },
      photo: checked,
    });
    outcome = r.outcome === "DELIVERED" ? "delivered" : "failed";
  } catch (e) {
    if (!isAppError(e)) throw e;
    const t = await getTranslations("errors");
    const issues = await requestIssues(e.details?.issues);
    return {
      message: t(e.code),
      fieldErrors: issues,
      values: Object.fromEntries(
        DELIVERY_FIELDS.map((k) => [
          k,
          typeof formData.get(k) === "string" ? String(formData.get(k)).slice(0, 500) : "",
        ]),
      ),
      ...(chosen ? { photoName: chosen.name.slice(0, 100) } : {}),
    };
  }
  revalidatePath("/opd");
  redirect(`/opd/orders/${orderId}?done=${outcome}`);
}

export interface FailureFormState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
}

/** The OPD reports that the vendor failed, with the kind of failure and what happened; a refusal keeps the text. */
export async function reportFailureAction(_prev: FailureFormState, formData: FormData): Promise<FailureFormState> {
  const actor = await opdActor();
  const orderId = idField(formData, "orderId", "/opd/orders");
  const input = { type: formData.get("type"), evidence: formData.get("evidence") };
  try {
    await reportFailure(db(), { clock: systemClock, actor, orderId, input });
  } catch (e) {
    if (!isAppError(e)) throw e;
    const t = await getTranslations("errors");
    const text = (k: string) => (typeof formData.get(k) === "string" ? String(formData.get(k)).slice(0, 2000) : "");
    return {
      message: t(e.code),
      fieldErrors: await requestIssues(e.details?.issues),
      values: { type: text("type"), evidence: text("evidence") },
    };
  }
  revalidatePath("/opd");
  redirect(`/opd/orders/${orderId}?done=failed`);
}
