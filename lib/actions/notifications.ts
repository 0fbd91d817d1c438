"use server";
import { requestAddress } from "@/lib/auth/client-address";
import { headers } from "next/headers";
import { db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { requireActionRole } from "@/lib/auth/guards";
import { runAndRedirect } from "@/lib/actions/form-action";
import { markAllRead } from "@/lib/data/notifications/mark-all-read";

/** Any signed-in user marks their own notifications read (a plain form post). */
export async function markAllReadAction(): Promise<void> {
  const user = await requireActionRole("ADMIN", "MAYOR", "OPD_STAFF", "VENDOR");
  const h = await headers();
  const actor = { id: user.id, role: user.role, ip: requestAddress(h), userAgent: h.get("user-agent") };
  await runAndRedirect("/notifications", "/", () => markAllRead(db(), { clock: systemClock, actor }), "read");
}
