"use server";
// Importing a decree's allocation matrix from Excel: the form stays on the page and shows every problem
// found (nothing is written unless the whole sheet is valid).
import { revalidatePath } from "next/cache";
import { getTranslations, requestText } from "@/lib/i18n/server";
import { z } from "zod";
import { db } from "@/lib/db";
import { adminActor } from "@/lib/actions/form-action";
import { importAllocations } from "@/lib/data/decree/import-allocations";
import { isAppError } from "@/lib/errors";

export interface ImportState {
  ok?: boolean;
  message?: string;
  errors?: string[];
}

const MAX_BYTES = 5 * 1024 * 1024;

export async function importDecreeMatrixAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const actor = await adminActor();
  const t = await getTranslations("adminDecrees");
  const decreeId = z.string().uuid().safeParse(formData.get("decreeId"));
  const file = formData.get("file");
  if (!decreeId.success) return { ok: false, message: t("importNoDecree") };
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: t("importNoFile") };
  if (file.size > MAX_BYTES) return { ok: false, message: t("importTooBig") };
  try {
    const r = await importAllocations(db(), {
      actor,
      decreeId: decreeId.data,
      bytes: Buffer.from(await file.arrayBuffer()),
      version: formData.get("version"),
    });
    if (!r.ok)
      return {
        ok: false,
        message: t("importInvalid", { count: r.errors.length }),
        errors: await Promise.all(r.errors.map(requestText)),
      };
    revalidatePath(`/admin/decrees/${decreeId.data}`);
    return { ok: true, message: t("importDone", { total: r.total, added: r.added, removed: r.removed }) };
  } catch (e) {
    if (!isAppError(e)) throw e;
    return { ok: false, message: (await getTranslations("errors"))(e.code) };
  }
}
