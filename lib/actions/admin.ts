"use server";
// The admins' decisions, as plain form posts: authenticate → parse (inside the use cases) → use case →
// redirect with the outcome in the URL.
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { adminActor, idField, runAndRedirect } from "@/lib/actions/form-action";
import { decideSanction, reinstateVendor } from "@/lib/data/sanctions/decide-sanction";
import { assignEscalatedOrder } from "@/lib/data/orders/assign-escalated-order";

const text = (formData: FormData, key: string) => {
  const v = formData.get(key);
  return typeof v === "string" ? v : undefined;
};

export async function decideSanctionAction(formData: FormData): Promise<void> {
  const actor = await adminActor();
  const sanctionId = idField(formData, "sanctionId", "/admin/sanctions?error=NOT_FOUND");
  const input = {
    decision: text(formData, "decision"),
    level: text(formData, "level") || undefined,
    reason: text(formData, "reason"),
  };
  await runAndRedirect(
    "/admin/sanctions",
    "/admin",
    () => decideSanction(db(), systemClock, actor, sanctionId, input),
    input.decision === "DISMISS" ? "dismissed" : "confirmed",
  );
}

export async function reinstateVendorAction(formData: FormData): Promise<void> {
  const actor = await adminActor();
  const vendorId = idField(formData, "vendorId", "/admin/sanctions?error=NOT_FOUND");
  await runAndRedirect(
    "/admin/sanctions",
    "/admin",
    () => reinstateVendor(db(), systemClock, actor, vendorId, text(formData, "reason") ?? ""),
    "reinstated",
  );
}

export async function assignEscalatedAction(formData: FormData): Promise<void> {
  const actor = await adminActor();
  const orderId = idField(formData, "orderId", "/admin/escalations?error=NOT_FOUND");
  const vendorId = idField(formData, "vendorId", `/admin/escalations?error=VALIDATION&field=vendorId`);
  await runAndRedirect(
    "/admin/escalations",
    "/admin",
    () => assignEscalatedOrder(db(), systemClock, actor, orderId, vendorId, text(formData, "reason") ?? ""),
    "assigned",
  );
}
