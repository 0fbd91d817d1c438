// Helpers shared by the plain-form server actions (not actions themselves, so no "use server").
import { requestAddress } from "@/lib/auth/client-address";
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActionRole } from "@/lib/auth/guards";
import { requireOwnOpdId, requireOwnVendorId } from "@/lib/data/authorise";
import { isAppError } from "@/lib/errors";
import { signingSecret } from "@/lib/env";
import { requestText } from "@/lib/i18n/server";
import { signFormMessage } from "@/lib/domain/form-message";
import type { Role } from "@/lib/generated/prisma/enums";

/** The signed-in user of `role`, with the request's IP and user agent for the audit row. */
async function actorFor(role: Role) {
  const user = await requireActionRole(role);
  const h = await headers();
  return { user, ip: requestAddress(h), userAgent: h.get("user-agent") };
}

export async function opdActor() {
  const { user, ip, userAgent } = await actorFor("OPD_STAFF");
  return { id: user.id, role: user.role, opdId: requireOwnOpdId(user), ip, userAgent };
}

export async function adminActor() {
  const { user, ip, userAgent } = await actorFor("ADMIN");
  return { id: user.id, role: user.role, ip, userAgent };
}

export async function vendorActor() {
  const { user, ip, userAgent } = await actorFor("VENDOR");
  return { id: user.id, role: user.role, vendorId: requireOwnVendorId(user), ip, userAgent };
}

/** A text form field, or undefined when it is missing or a file. */
export function textField(formData: FormData, key: string): string | undefined {
  const v = formData.get(key);
  return typeof v === "string" ? v : undefined;
}

/** A uuid form field, or a redirect to `fallback` when it is missing or malformed. */
export function idField(formData: FormData, name: string, fallback: string): string {
  const parsed = z.string().uuid().safeParse(formData.get(name));
  if (!parsed.success) redirect(fallback);
  return parsed.data;
}

/**
 * Runs a use case, then redirects to `page` with `?done=<done>` — or `?error=<code>` for a typed domain
 * failure, shown there as a plain message. Anything else is a real error and propagates.
 */
export async function runAndRedirect<T>(
  page: string,
  revalidate: string,
  run: () => Promise<T>,
  done: string,
  /** Where to go on success instead of `page` (e.g. the record just created). */
  successPage?: (result: T) => string,
): Promise<never> {
  let target = `${page}?done=${done}`;
  try {
    const result = await run();
    if (successPage) target = `${successPage(result)}?done=${done}`;
  } catch (e) {
    if (!isAppError(e)) throw e;
    // For bad input, name the first field at fault (a key the page maps to its own label, never free text).
    // and why, in the server's own words in the reader's language (signed: see lib/domain/form-message.ts).
    const issues = (e.details?.issues as Record<string, string[] | undefined> | undefined) ?? {};
    const field = Object.keys(issues)[0];
    const given = field ? issues[field]?.[0] : undefined;
    const why = given ? await requestText(given) : undefined;
    target = `${page}?error=${e.code}${field && /^[A-Za-z]+$/.test(field) ? `&field=${field}` : ""}${
      why ? `&why=${signFormMessage(signingSecret(), why)}` : ""
    }`;
  }
  revalidatePath(revalidate);
  redirect(target);
}
