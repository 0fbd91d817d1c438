import "server-only";
import NextAuth, { type DefaultSession } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { headers } from "next/headers";
import Credentials from "next-auth/providers/credentials";
import { CredentialsSignin } from "next-auth";
import { isAppError } from "@/lib/errors";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { systemClock } from "@/lib/clock";
import { authenticateUser } from "@/lib/data/user/authenticate-user";
import { isRole } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { SESSION_MAX_AGE_SECONDS, SESSION_OPTIONS, sessionJwt } from "@/lib/auth/session-lifetime";
import { revokeSession } from "@/lib/data/user/revoke-session";
import { requestAddress } from "@/lib/auth/client-address";
import { hasUnsafeCharacters } from "@/lib/domain/text";

declare module "next-auth" {
  interface Session {
    user: {
      id: string;
      role: Role;
      opdId: string | null;
      vendorId: string | null;
      sessionVersion: number;
      /** This sign-in's own id: signing out revokes it (RevokedSession). */
      sid: string;
    } & DefaultSession["user"];
  }
  interface User {
    role?: Role;
    opdId?: string | null;
    vendorId?: string | null;
    sessionVersion?: number;
    username?: string;
  }
}

/** Sign-in refused for too many recent failures (shown as its own message; it says nothing about the account). */
class ThrottledSignin extends CredentialsSignin {
  code = "throttled";
}

/** The password was right; the account's second factor is still to give. */
class MfaRequiredSignin extends CredentialsSignin {
  code = "mfa_required";
}

// Text with control characters (a NUL byte) is refused here as in every form (lib/domain/text.ts): a wrong sign-in.
const safe = (s: string) => !hasUnsafeCharacters(s);
const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64).refine(safe),
  password: z.string().min(1).max(256).refine(safe),
  code: z.string().trim().max(20).refine(safe).optional(),
});

/** Revokes the session a token stands for (the request's address and agent for the audit row). */
async function revokeSignedOutToken(token: JWT): Promise<void> {
  if (typeof token.sid !== "string" || typeof token.uid !== "string") return;
  const h = await headers().catch(() => null);
  await revokeSession(db(), {
    sid: token.sid,
    userId: token.uid,
    expiresAt: new Date(
      (typeof token.exp === "number" ? token.exp : Date.now() / 1000 + SESSION_MAX_AGE_SECONDS) * 1000,
    ),
    ip: h ? requestAddress(h) : null,
    userAgent: h?.get("user-agent") ?? null,
  });
}

// Lazy config: the environment is read on the first request, not when `next build` imports this module.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  // 12 hours from sign-in, never extended by use (lib/auth/session-lifetime.ts).
  ...SESSION_OPTIONS,
  // Every way of signing out — the app's button and Auth.js's own POST /api/auth/signout — revokes the session on
  // the server, so a copied cookie stops working too.
  events: {
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (token) await revokeSignedOutToken(token);
    },
  },
  pages: { signIn: "/login", error: "/login" },
  // A wrong password is not a server error: it is audited (auth.login_failed) and needs no stack trace in the log.
  logger: {
    error(error: Error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { username: {}, password: {}, code: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        let user;
        try {
          user = await authenticateUser(
            db(),
            systemClock,
            { ...parsed.data, ip: requestAddress(request.headers), userAgent: request.headers.get("user-agent") },
            env().AUTH_SECRET ?? "",
          );
        } catch (e) {
          if (isAppError(e) && e.code === "THROTTLED") throw new ThrottledSignin();
          if (isAppError(e) && e.code === "MFA_REQUIRED") throw new MfaRequiredSignin();
          throw e;
        }
        if (!user) return null;
        return {
          id: user.id,
          name: user.name,
          username: user.username,
          role: user.role,
          opdId: user.opdId,
          vendorId: user.vendorId,
          sessionVersion: user.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    // The sign-in time goes into the token; past 12 hours the session is over whatever endpoint is called.
    jwt: ({ token, user }) => sessionJwt({ token, user }),
    session({ session, token }) {
      const role = isRole(token.role) ? token.role : "VENDOR";
      session.user = {
        ...session.user,
        id: String(token.uid ?? ""),
        role,
        opdId: (token.opdId as string | null) ?? null,
        vendorId: (token.vendorId as string | null) ?? null,
        sessionVersion: Number(token.sv ?? 0),
        sid: String(token.sid ?? ""),
      };
      return session;
    },
  },
}));
