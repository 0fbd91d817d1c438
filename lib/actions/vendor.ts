"use server";
// The vendor's own deliveries and profile, as plain form posts (light pages on cheap phones):
// authenticate → parse (inside the use cases) → use case → redirect with the outcome in the URL.
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { idField, runAndRedirect, vendorActor, textField } from "@/lib/actions/form-action";
import { markDelivery } from "@/lib/data/vendor/delivery-marks";
import { clarifySanction } from "@/lib/data/sanctions/clarify-sanction";
import { addUnavailableDay } from "@/lib/data/vendor/profile/add-unavailable-day";
import { removeUnavailableDay } from "@/lib/data/vendor/profile/remove-unavailable-day";
import { saveMenuItem } from "@/lib/data/vendor/profile/save-menu-item";
import { updateVendorContact } from "@/lib/data/vendor/profile/update-vendor-contact";

const text = textField;

export async function markOnTheWayAction(formData: FormData): Promise<void> {
  const actor = await vendorActor();
  const offerId = idField(formData, "offerId", "/vendor/deliveries?error=NOT_FOUND");
  await runAndRedirect(
    "/vendor/deliveries",
    "/vendor",
    () => markDelivery(db(), { clock: systemClock, actor, offerId, mark: "ON_THE_WAY" }),
    "onTheWay",
  );
}

export async function markHandedOverAction(formData: FormData): Promise<void> {
  const actor = await vendorActor();
  const offerId = idField(formData, "offerId", "/vendor/deliveries?error=NOT_FOUND");
  await runAndRedirect(
    "/vendor/deliveries",
    "/vendor",
    () => markDelivery(db(), { clock: systemClock, actor, offerId, mark: "HANDED_OVER" }),
    "handedOver",
  );
}

export async function updateContactAction(formData: FormData): Promise<void> {
  const actor = await vendorActor();
  const input = {
    whatsapp: text(formData, "whatsapp"),
    email: text(formData, "email") ?? "",
    dailyCapacityPax: text(formData, "dailyCapacityPax"),
    version: text(formData, "version"),
  };
  await runAndRedirect(
    "/vendor/profile",
    "/vendor",
    () => updateVendorContact(db(), { clock: systemClock, actor, input }),
    "contact",
  );
}

export async function saveMenuItemAction(formData: FormData): Promise<void> {
  const actor = await vendorActor();
  const id = text(formData, "id");
  const input = {
    ...(id ? { id } : {}),
    category: text(formData, "category"),
    name: text(formData, "name"),
    description: text(formData, "description") || undefined,
    pricePerPax: text(formData, "pricePerPax"),
    active: formData.get("active") === "on",
  };
  await runAndRedirect(
    "/vendor/profile",
    "/vendor",
    () => saveMenuItem(db(), { clock: systemClock, actor, input }),
    "menu",
  );
}

export async function addUnavailableDayAction(formData: FormData): Promise<void> {
  const actor = await vendorActor();
  const input = { day: text(formData, "day"), reason: text(formData, "reason") || undefined };
  await runAndRedirect(
    "/vendor/profile",
    "/vendor",
    () => addUnavailableDay(db(), { clock: systemClock, actor, input }),
    "dayAdded",
  );
}

export async function removeUnavailableDayAction(formData: FormData): Promise<void> {
  const actor = await vendorActor();
  const input = { day: text(formData, "day") };
  await runAndRedirect("/vendor/profile", "/vendor", () => removeUnavailableDay(db(), { actor, input }), "dayRemoved");
}

/** The vendor's side of the story on a proposed sanction, before an admin decides. */
export async function clarifySanctionAction(formData: FormData): Promise<void> {
  const actor = await vendorActor();
  const sanctionId = idField(formData, "sanctionId", "/vendor/record?error=NOT_FOUND");
  await runAndRedirect(
    "/vendor/record",
    "/vendor/record",
    () =>
      clarifySanction(db(), {
        clock: systemClock,
        actor,
        sanctionId,
        input: { clarification: text(formData, "clarification") ?? "" },
      }),
    "clarified",
  );
}
