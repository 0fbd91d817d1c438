"use server";
// The admins' decisions, as plain form posts: authenticate → parse (inside the use cases) → use case →
// redirect with the outcome in the URL.
import { db } from "@/lib/db";
import { saveMenuItemForVendor } from "@/lib/data/vendor/profile/save-menu-item";
import { systemClock } from "@/lib/clock";
import { adminActor, idField, runAndRedirect, textField } from "@/lib/actions/form-action";
import { parseIndonesianInteger } from "@/lib/domain/indonesian-input";
import { proposePoolAmendment } from "@/lib/data/admin/pool-health/propose-pool-amendment";
import { saveLetterhead } from "@/lib/data/admin/save-letterhead";
import { MAX_SCAN_BYTES } from "@/lib/data/admin/document-scans";
import { MAX_LOGO_BYTES } from "@/lib/domain/letterhead";
import { AppError } from "@/lib/errors";
import { VENDOR_FORM_FIELDS } from "@/lib/validation/admin-vendor";
import { decideSanction } from "@/lib/data/sanctions/decide-sanction";
import { reinstateVendor } from "@/lib/data/sanctions/reinstate-vendor";
import { assignEscalatedOrder } from "@/lib/data/orders/assign-escalated-order";
import { createVendor } from "@/lib/data/admin/vendors/create-vendor";
import { createVendorLogin } from "@/lib/data/admin/vendors/create-vendor-login";
import { saveVendorDocument } from "@/lib/data/admin/vendors/save-vendor-document";
import { updateEkatalog } from "@/lib/data/admin/vendors/update-ekatalog";
import { updateVendor } from "@/lib/data/admin/vendors/update-vendor";
import { createDecreeDraft } from "@/lib/data/decree/create-decree-draft";
import { publishDecree } from "@/lib/data/decree/publish-decree";
import { saveAllocations } from "@/lib/data/decree/save-allocations";
import { updateDecreeHeader } from "@/lib/data/decree/update-decree-header";
import { createOpdStaff } from "@/lib/data/admin/opds/create-opd-staff";
import { saveBudget } from "@/lib/data/admin/opds/save-budget";
import { saveCeiling } from "@/lib/data/admin/opds/save-ceiling";
import { saveOpd } from "@/lib/data/admin/opds/save-opd";
import { saveRules } from "@/lib/data/admin/opds/save-rules";
import { setUserActive } from "@/lib/data/admin/opds/set-user-active";
import { setTreasurer } from "@/lib/data/admin/opds/set-treasurer";
import { vm } from "@/lib/domain/validation-message";
import { EKATALOG_CHECKS } from "@/lib/domain/vendor";

const text = textField;

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
    () => decideSanction(db(), { clock: systemClock, actor, sanctionId, input }),
    input.decision === "DISMISS" ? "dismissed" : "confirmed",
  );
}

export async function reinstateVendorAction(formData: FormData): Promise<void> {
  const actor = await adminActor();
  const vendorId = idField(formData, "vendorId", "/admin/sanctions?error=NOT_FOUND");
  await runAndRedirect(
    "/admin/sanctions",
    "/admin",
    () => reinstateVendor(db(), { clock: systemClock, actor, vendorId, reason: text(formData, "reason") ?? "" }),
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
    () =>
      assignEscalatedOrder(db(), {
        clock: systemClock,
        actor,
        orderId,
        vendorId,
        reason: text(formData, "reason") ?? "",
      }),
    "assigned",
  );
}

const fields = (formData: FormData, keys: readonly string[]) =>
  Object.fromEntries(keys.map((k) => [k, text(formData, k) ?? ""]));
const checks = (formData: FormData, keys: readonly string[]) =>
  Object.fromEntries(keys.map((k) => [k, formData.get(k) === "on"]));

export async function createVendorAction(formData: FormData): Promise<void> {
  const actor = await adminActor();
  const input = { ...fields(formData, VENDOR_FORM_FIELDS), ...checks(formData, ["hasPp55"]) };
  await runAndRedirect(
    "/admin/vendors/new",
    "/admin",
    () => createVendor(db(), { clock: systemClock, actor, input }),
    "created",
    (r) => `/admin/vendors/${r.id}`,
  );
}

export async function updateVendorAction(formData: FormData): Promise<void> {
  const actor = await adminActor();
  const vendorId = idField(formData, "vendorId", "/admin/vendors?error=NOT_FOUND");
  const input = {
    ...fields(formData, VENDOR_FORM_FIELDS),
    ...checks(formData, ["hasPp55"]),
    version: text(formData, "version"),
  };
  await runAndRedirect(
    `/admin/vendors/${vendorId}`,
    "/admin",
    () => updateVendor(db(), { actor, vendorId, input }),
    "saved",
  );
}

/** An admin adds a menu item on a vendor's behalf (same fields and rules as the vendor's own form). */
export async function addVendorMenuItemAction(formData: FormData): Promise<void> {
  const actor = await adminActor();
  const vendorId = idField(formData, "vendorId", "/admin/vendors?error=NOT_FOUND");
  const input = {
    category: text(formData, "category"),
    name: text(formData, "name"),
    description: text(formData, "description") || undefined,
    pricePerPax: text(formData, "pricePerPax"),
    active: true,
  };
  await runAndRedirect(
    `/admin/vendors/${vendorId}`,
    "/admin",
    () => saveMenuItemForVendor(db(), { clock: systemClock, actor, vendorId, input }),
    "menu",
  );
}

export async function updateEkatalogAction(formData: FormData): Promise<void> {
  const actor = await adminActor();
  const vendorId = idField(formData, "vendorId", "/admin/vendors?error=NOT_FOUND");
  const input = {
    ...checks(formData, EKATALOG_CHECKS),
    ...fields(formData, ["kbliCode", "ekatalogUrl"]),
    version: text(formData, "version"),
  };
  await runAndRedirect(
    `/admin/vendors/${vendorId}`,
    "/admin",
    () => updateEkatalog(db(), { actor, vendorId, input }),
    "ekatalog",
  );
}

export async function saveDocumentAction(formData: FormData): Promise<void> {
  const actor = await adminActor();
  const vendorId = idField(formData, "vendorId", "/admin/vendors?error=NOT_FOUND");
  const input = fields(formData, ["type", "number", "issuedOn", "expiresOn"]);
  const file = formData.get("scan");
  await runAndRedirect(
    `/admin/vendors/${vendorId}`,
    "/admin",
    async () => {
      // Refused before reading a file that is too large (the use case checks its bytes).
      if (file instanceof File && file.size > MAX_SCAN_BYTES)
        throw new AppError("VALIDATION", { issues: { scan: [vm("vendor.scanTooBig")] } });
      const scan = file instanceof File && file.size > 0 ? Buffer.from(await file.arrayBuffer()) : null;
      return saveVendorDocument(db(), { clock: systemClock, actor, vendorId, input, scan });
    },
    "document",
  );
}

export async function createVendorLoginAction(formData: FormData): Promise<void> {
  const actor = await adminActor();
  const vendorId = idField(formData, "vendorId", "/admin/vendors?error=NOT_FOUND");
  const input = fields(formData, ["username", "password"]);
  await runAndRedirect(
    `/admin/vendors/${vendorId}`,
    "/admin",
    () => createVendorLogin(db(), { actor, vendorId, input }),
    "login",
  );
}

const DECREE_FIELDS = ["number", "title", "signedOn", "effectiveFrom", "effectiveTo", "notes"] as const;

export async function createDecreeDraftAction(formData: FormData): Promise<void> {
  const actor = await adminActor();
  const input = fields(formData, DECREE_FIELDS);
  await runAndRedirect(
    "/admin/decrees",
    "/admin",
    () => createDecreeDraft(db(), { clock: systemClock, actor, input, copyFromInForce: formData.get("copy") === "on" }),
    "created",
    (r) => `/admin/decrees/${r.id}`,
  );
}

export async function updateDecreeHeaderAction(formData: FormData): Promise<void> {
  const actor = await adminActor();
  const decreeId = idField(formData, "decreeId", "/admin/decrees?error=NOT_FOUND");
  const input = { ...fields(formData, DECREE_FIELDS), version: text(formData, "version") };
  await runAndRedirect(
    `/admin/decrees/${decreeId}`,
    "/admin",
    () => updateDecreeHeader(db(), { actor, decreeId, input }),
    "saved",
  );
}

export async function saveAllocationsAction(formData: FormData): Promise<void> {
  const actor = await adminActor();
  const decreeId = idField(formData, "decreeId", "/admin/decrees?error=NOT_FOUND");
  const cells = formData.getAll("cell").filter((v): v is string => typeof v === "string");
  await runAndRedirect(
    `/admin/decrees/${decreeId}`,
    "/admin",
    () => saveAllocations(db(), { actor, decreeId, cells, version: text(formData, "version") }),
    "allocations",
  );
}

export async function publishDecreeAction(formData: FormData): Promise<void> {
  const actor = await adminActor();
  const decreeId = idField(formData, "decreeId", "/admin/decrees?error=NOT_FOUND");
  await runAndRedirect(
    `/admin/decrees/${decreeId}`,
    "/admin",
    () => publishDecree(db(), { clock: systemClock, actor, decreeId, version: text(formData, "version") }),
    "published",
  );
}

/** Prepares (or refreshes) the decree amendment that refills thin pools, and opens it. */
export async function proposePoolAmendmentAction(): Promise<void> {
  const actor = await adminActor();
  await runAndRedirect(
    "/admin",
    "/admin",
    () => proposePoolAmendment(db(), { clock: systemClock, actor }),
    "amendment",
    (r) => (r ? `/admin/decrees/${r.id}` : "/admin"),
  );
}

export async function saveOpdAction(formData: FormData): Promise<void> {
  const actor = await adminActor();
  const raw = text(formData, "opdId");
  const opdId = raw ? idField(formData, "opdId", "/admin/opds?error=NOT_FOUND") : null;
  const input = fields(formData, ["code", "name", "address", "headName", "headNip", "headTitle", "phone"]);
  await runAndRedirect(
    "/admin/opds",
    "/admin",
    () => saveOpd(db(), { actor: actor, opdId: opdId, input: input }),
    "opd",
  );
}

export async function createOpdStaffAction(formData: FormData): Promise<void> {
  const actor = await adminActor();
  const opdId = idField(formData, "opdId", "/admin/opds?error=NOT_FOUND");
  const input = fields(formData, ["username", "name", "email", "password"]);
  await runAndRedirect(
    "/admin/opds",
    "/admin",
    () => createOpdStaff(db(), { actor: actor, opdId: opdId, input: input }),
    "staff",
  );
}

export async function setUserActiveAction(formData: FormData): Promise<void> {
  const actor = await adminActor();
  const userId = idField(formData, "userId", "/admin/opds?error=NOT_FOUND");
  const active = text(formData, "active") === "true";
  await runAndRedirect(
    "/admin/opds",
    "/admin",
    () => setUserActive(db(), { actor: actor, userId: userId, active: active }),
    active ? "activated" : "deactivated",
  );
}

/** Gives or takes an OPD staff member's treasurer permission. */
export async function setTreasurerAction(formData: FormData): Promise<void> {
  const actor = await adminActor();
  const userId = idField(formData, "userId", "/admin/opds?error=NOT_FOUND");
  const treasurer = text(formData, "treasurer") === "true";
  await runAndRedirect(
    "/admin/opds",
    "/admin",
    () => setTreasurer(db(), { actor: actor, userId: userId, treasurer: treasurer }),
    treasurer ? "treasurerOn" : "treasurerOff",
  );
}

export async function saveBudgetAction(formData: FormData): Promise<void> {
  const actor = await adminActor();
  const opdId = idField(formData, "opdId", "/admin/opds?error=NOT_FOUND");
  const input = fields(formData, ["fiscalYear", "accountCode", "accountName", "pagu"]);
  await runAndRedirect(
    `/admin/opds`,
    "/admin",
    () => saveBudget(db(), { actor: actor, opdId: opdId, input: input }),
    "budget",
  );
}

export async function saveCeilingAction(formData: FormData): Promise<void> {
  const actor = await adminActor();
  const input = fields(formData, ["category", "fiscalYear", "maxPerPax", "basis"]);
  await runAndRedirect("/admin/rules", "/admin", () => saveCeiling(db(), { actor: actor, input: input }), "ceiling");
}

const RULE_NUMBERS = [
  "responseWindowMinutes",
  "minLeadMinutes",
  "veryLateMinutes",
  "failureReportGraceMinutes",
  "sanctionWindowDays",
  "sp2AfterFailures",
  "sp3AfterFailures",
  "suspensionDays",
  "paymentTargetDays",
] as const;

export async function saveRulesAction(formData: FormData): Promise<void> {
  const actor = await adminActor();
  const num = (k: string) => {
    const v = text(formData, k);
    return v === undefined || v.trim() === "" ? Number.NaN : Number(v);
  };
  const input = {
    ...Object.fromEntries(RULE_NUMBERS.map((k) => [k, num(k)])),
    // Entered as percentages.
    shortQuantityMinRatio: num("shortQuantityMinPercent") / 100,
    sp2MinFailureShare: num("sp2MinFailurePercent") / 100,
    sp3MinFailureShare: num("sp3MinFailurePercent") / 100,
    ePurchasingRequiresTayang: formData.get("ePurchasingRequiresTayang") === "on",
    cityReserve: formData.get("cityReserve") === "on",
    quietHoursStart: text(formData, "quietHoursStart") ?? "",
    quietHoursEnd: text(formData, "quietHoursEnd") ?? "",
    // Typed the Indonesian way ("5.000.000").
    meteraiThreshold: parseIndonesianInteger(text(formData, "meteraiThreshold") ?? ""),
    spNumberPattern: text(formData, "spNumberPattern") ?? "",
    bastNumberPattern: text(formData, "bastNumberPattern") ?? "",
  };
  await runAndRedirect("/admin/rules", "/admin", () => saveRules(db(), { actor: actor, input: input }), "rules");
}

/** The city's kop surat: heading and logo (an uploaded PNG or JPEG, checked by the use case). */
export async function saveLetterheadAction(formData: FormData): Promise<void> {
  const actor = await adminActor();
  const file = formData.get("logo");
  const input = {
    cityHeading: text(formData, "cityHeading") ?? "",
    removeLogo: formData.get("removeLogo") === "on",
    version: text(formData, "version") ?? "",
  };
  await runAndRedirect(
    "/admin/rules",
    "/admin",
    async () => {
      // Refused before reading a file that is too large (the use case checks its bytes).
      if (file instanceof File && file.size > MAX_LOGO_BYTES)
        throw new AppError("VALIDATION", { issues: { logo: [vm("letterhead.logoTooBig")] } });
      const logo = file instanceof File && file.size > 0 ? Buffer.from(await file.arrayBuffer()) : null;
      return saveLetterhead(db(), { clock: systemClock, actor, input, logo });
    },
    "letterhead",
  );
}
