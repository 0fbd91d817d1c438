import { getTranslations } from "@/lib/i18n/server";
import { ERROR_CODES, type ErrorCode } from "@/lib/errors";
import { signingSecret } from "@/lib/env";
import { readFormMessage } from "@/lib/domain/form-message";

/**
 * The outcome of a plain form post, read back from the URL: `done` shows the page's own success message
 * (only keys the page lists), `error` a known error code's message, `field` the label of the field at fault and `why`
 * the server's own reason (shown only when its signature holds). The form itself marks the field (ActionForm).
 */
export async function Flash({
  done,
  messages,
  error,
  field,
  why,
  fieldLabels = {},
}: {
  done?: string;
  messages: Record<string, string>;
  error?: string;
  field?: string;
  why?: string;
  fieldLabels?: Record<string, string>;
}) {
  const t = await getTranslations("errors");
  const ok = done ? messages[done] : undefined;
  const code = error && (ERROR_CODES as readonly string[]).includes(error) ? (error as ErrorCode) : undefined;
  const fieldLabel = field ? fieldLabels[field] : undefined;
  const reason = code ? readFormMessage(signingSecret(), why) : null;
  return (
    <>
      {ok ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          {ok}
        </p>
      ) : null}
      {code ? (
        <p role="status" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {reason && fieldLabel ? `${fieldLabel}: ${reason}` : reason ? reason : t(code)}
          {fieldLabel && !reason ? ` (${fieldLabel})` : null}
        </p>
      ) : null}
    </>
  );
}
