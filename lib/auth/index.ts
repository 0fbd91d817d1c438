import "server-only";
import NextAuth, { type DefaultSession } from "next-auth";
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

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  code: z.string().trim().max(20).optional(),
});

function clientIp(request: Request): string | null {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || null;
}

// Lazy config: the environment is read on the first request, not when `next build` imports this module.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
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
            { ...parsed.data, ip: clientIp(request), userAgent: request.headers.get("user-agent") },
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
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.opdId = user.opdId ?? null;
        token.vendorId = user.vendorId ?? null;
        token.sv = user.sessionVersion ?? 1;
        token.sid = crypto.randomUUID();
      }
      return token;
    },
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
