// Next.js Proxy (the successor of middleware): a Content Security Policy with a fresh nonce on every page
// request. Next puts the nonce on its own inline and bootstrap scripts (it reads the policy from the request
// headers), so no script runs unless the server rendered it. Styles allow inline attributes (bar widths,
// the charts' SVG styles); nothing else comes from another origin. The other security headers are set for
// every route in next.config.ts; route handlers (/api) carry their own policy there.
import { NextResponse, type NextRequest } from "next/server";
import { isSameOrigin } from "@/lib/same-origin";

export function contentSecurityPolicy(nonce: string, opts: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    // The service worker (public/sw.js) that shows push notifications; 'strict-dynamic' would ignore 'self' above.
    "worker-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function proxy(request: NextRequest) {
  // Server actions are POSTs to pages: Next.js checks an Origin when there is one; one without Origin is accepted
  // only with a Referer from this site (lib/same-origin.ts).
  if (
    request.method !== "GET" &&
    request.method !== "HEAD" &&
    !isSameOrigin(request.headers, { refererWhenNoOrigin: true })
  )
    return new NextResponse("Permintaan dari situs lain ditolak. / Cross-site request refused.", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const nonce = btoa(String.fromCharCode(...bytes));
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV !== "production", https });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Pages only: not route handlers, not the build's static files, not prefetches.
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
