import { handlers } from "@/lib/auth";
import { sameOriginOnly } from "@/lib/http";

export const GET = handlers.GET;
// Auth.js checks its CSRF token on a POST; the Origin must be ours too.
export const POST = sameOriginOnly(handlers.POST);
