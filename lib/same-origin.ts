// Is a state-changing request from this site? Its Origin must name this host; for server actions (posted to the page
// they belong to) a request without any Origin is accepted only when its Referer is one of this site's pages — a
// browser always sends one of them; a request with neither is a script's or a forged one, and is refused (issue 16,
// item 9). Used by proxy.ts for server actions and by sameOriginOnly (lib/http.ts) for route handlers (Origin only).

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null; // missing, "null" (opaque) or not a URL
  }
}

/** True when the request's Origin (or, with `refererWhenNoOrigin`, its Referer when it has no Origin) is this host. */
export function isSameOrigin(headers: Headers, opts: { refererWhenNoOrigin?: boolean } = {}): boolean {
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!host) return false;
  const origin = headers.get("origin");
  if (origin !== null) return hostOf(origin) === host;
  return Boolean(opts.refererWhenNoOrigin) && hostOf(headers.get("referer")) === host;
}
