"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";

export interface LoginState {
  error?: "invalid" | "required" | "error" | "throttled" | "mfa_required";
  username?: string;
  /** The account needs its second factor: the form asks for the code. */
  mfa?: boolean;
}

const loginSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  code: z.string().trim().max(20).optional(),
});

export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const code = formData.get("code");
  const parsed = loginSchema.safeParse({
    username: formData.get("username"),
    password: formData.get("password"),
    code: typeof code === "string" && code.trim() ? code : undefined,
  });
  if (!parsed.success) return { error: "required", username: String(formData.get("username") ?? "") };
  const mfa = Boolean(parsed.data.code);
  try {
    // On success this throws Next's redirect, which must propagate (so it is outside any catch-all).
    await signIn("credentials", { ...parsed.data, redirectTo: "/" });
  } catch (e) {
    if (e instanceof CredentialsSignin) {
      if (e.code === "mfa_required") return { error: "mfa_required", username: parsed.data.username, mfa: true };
      return { error: e.code === "throttled" ? "throttled" : "invalid", username: parsed.data.username, mfa };
    }
    if (e instanceof AuthError) return { error: "error", username: parsed.data.username };
    throw e;
  }
  return {};
}

export async function logoutAction(): Promise<void> {
  // Auth.js's signOut event revokes the session on the server and audits it (lib/data/user/revoke-session.ts), as
  // for its own sign-out endpoint: a copied session cookie stops working too.
  await signOut({ redirectTo: "/login" });
}
