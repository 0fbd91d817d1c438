// Route handlers' boundary: a typed domain failure becomes its HTTP status with a plain message in the
// caller's language; anything else is logged and answered 500 with no detail.
import "server-only";
import { getTranslations } from "@/lib/i18n/server";
import { HTTP_STATUS, isAppError } from "@/lib/errors";
import { isSameOrigin } from "@/lib/same-origin";

export async function withErrorResponse(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (e) {
    const t = await getTranslations("errors");
    if (isAppError(e)) {
      return Response.json({ error: e.code, message: t(e.code) }, { status: HTTP_STATUS[e.code] });
    }
    console.error("route handler failed", e);
    return Response.json({ error: "INTERNAL", message: t("INTERNAL") }, { status: 500 });
  }
}

/** A file download: no caching by shared caches, a safe attachment name. */
export function fileResponse(body: Buffer | Uint8Array, contentType: string, fileName: string, inline = false) {
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

/**
 * A route handler that changes something answers only its own site: the request's Origin must name this
 * host (a browser always sends it on a POST). Cross-site, missing or opaque ("null") origins get 403 and the
 * handler never runs. Server actions have the same check from Next.js; every non-GET route handler is
 * wrapped in this (the authorisation matrix test fails otherwise).
 */
export function sameOriginOnly<R extends Request, A extends unknown[]>(
  handler: (request: R, ...rest: A) => Promise<Response>,
): (request: R, ...rest: A) => Promise<Response> {
  return async (request, ...rest) => {
    if (!isSameOrigin(request.headers)) {
      return Response.json(
        { error: "FORBIDDEN", message: "Permintaan dari situs lain ditolak. / Cross-site request refused." },
        { status: 403, headers: { "Cache-Control": "no-store" } },
      );
    }
    return handler(request, ...rest);
  };
}
