// The one reader of process.env for the app. Fails fast at boot with a clear message.
import { z } from "zod";
import { trustedProxyHops } from "@/lib/auth/client-address";
import { OCDS_PREFIX_PATTERN, OCDS_PREFIX_RULE, TEST_OCDS_PREFIX } from "@/lib/domain/ocds-prefix";

/** Seconds the dashboards reuse their figures unless DASHBOARD_CACHE_SECONDS says otherwise. */
export const DEFAULT_DASHBOARD_CACHE_SECONDS = 15;

/**
 * The settings parts of the app read on their own, where no DATABASE_URL may be in the environment (benchmarks and
 * tests pass their database explicitly): the sweep's period, where photos go, the notification channels configured,
 * the demo's sign-in shortcut. env() checks them too, with everything else, at boot.
 */
/** An empty variable counts as unset (a blank line in an .env file, `VAR= npm start`). */
const blankAsUnset = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema);

const runtimeSchema = z.object({
  // Seconds between the sweeps (expiries, stranded orders, suspensions, documents, the outbox); 0 turns the sweep off.
  ROUTING_SWEEP_SECONDS: blankAsUnset(
    z.coerce
      .number({ message: "ROUTING_SWEEP_SECONDS must be a number of seconds (0 turns the sweep off)" })
      .int()
      .min(0)
      .max(3600)
      .default(15),
  ),
  // Where delivery photos are kept (default .data/uploads under the working directory).
  UPLOAD_DIR: blankAsUnset(z.string().optional()),
  // "1": demo accounts (isDemo) sign in without the authenticator code (the demo's two commands only).
  DEMO_SKIP_MFA: blankAsUnset(z.enum(["0", "1"], { message: 'DEMO_SKIP_MFA is "1" or "0"' }).optional()),
  SMTP_URL: z.string().optional(),
  // Web Push (offers on the vendor's phone): the VAPID key pair, base64url, made once with
  // `npx web-push generate-vapid-keys` and kept like AUTH_SECRET; without them push is off.
  VAPID_PUBLIC_KEY: z.string().optional(),
  VAPID_PRIVATE_KEY: z.string().optional(),
  // An SMS/WhatsApp HTTP gateway for offers (lib/notifications/gateway.ts): its send URL and bearer token; without
  // both the channel is off.
  MESSAGE_GATEWAY_URL: z.string().url().optional(),
  MESSAGE_GATEWAY_TOKEN: z.string().optional(),
});

export type RuntimeEnv = z.infer<typeof runtimeSchema>;

/** runtimeSchema's settings (see there), parsed again only when one of them changed; a bad value throws in words. */
export function runtimeEnv(): RuntimeEnv {
  const key = Object.keys(runtimeSchema.shape)
    .map((k) => process.env[k] ?? "")
    .join("|");
  if (runtimeCache?.key !== key) {
    const parsed = runtimeSchema.safeParse(process.env);
    if (!parsed.success)
      throw new Error(
        `Invalid environment configuration:\n${parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n")}`,
      );
    runtimeCache = { key, value: parsed.data };
  }
  return runtimeCache.value;
}
let runtimeCache: { key: string; value: RuntimeEnv } | undefined;

const schema = runtimeSchema
  .extend({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }),
    AUTH_SECRET: z.string().optional(),
    // Max connections of this process's pool.
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    MAIL_FROM: z.string().default("Mamin Merata <no-reply@mojokertokota.go.id>"),
    // The portal's public address, for links in e-mails.
    APP_URL: z.string().url().default("http://localhost:3000"),
    // The contact the push services may write to.
    VAPID_SUBJECT: z.string().default("mailto:diskopukmperindag@mojokertokota.go.id"),
    // The sender name or number some SMS/WhatsApp gateways want.
    MESSAGE_GATEWAY_SENDER: z.string().optional(),
    // How many reverse proxies in front of the app append to X-Forwarded-For (lib/auth/client-address.ts): 0 when
    // clients reach the app directly, 1 behind one nginx/Caddy that appends the address it saw, and so on.
    TRUSTED_PROXY_HOPS: z.string().optional(),
    // The city's registered OCDS ocid prefix (lib/domain/ocds-prefix.ts); a plainly test one until it has its own.
    OCDS_PREFIX: z.string().regex(OCDS_PREFIX_PATTERN, OCDS_PREFIX_RULE).default(TEST_OCDS_PREFIX),
    // Who answers questions about the published data (the publication policy page).
    OPEN_DATA_CONTACT: z.string().email().default("diskopukmperindag@mojokertokota.go.id"),
    // How long the mayor's dashboard and home page reuse their figures, per app process (0 = always live).
    DASHBOARD_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(DEFAULT_DASHBOARD_CACHE_SECONDS),
  })
  .superRefine((env, ctx) => {
    try {
      trustedProxyHops(env.TRUSTED_PROXY_HOPS);
    } catch (e) {
      ctx.addIssue({ code: "custom", path: ["TRUSTED_PROXY_HOPS"], message: (e as Error).message });
    }
    if (Boolean(env.MESSAGE_GATEWAY_URL) !== Boolean(env.MESSAGE_GATEWAY_TOKEN)) {
      ctx.addIssue({
        code: "custom",
        path: ["MESSAGE_GATEWAY_TOKEN"],
        message: "MESSAGE_GATEWAY_URL and MESSAGE_GATEWAY_TOKEN go together",
      });
    }
    if (Boolean(env.VAPID_PUBLIC_KEY) !== Boolean(env.VAPID_PRIVATE_KEY)) {
      ctx.addIssue({
        code: "custom",
        path: ["VAPID_PRIVATE_KEY"],
        message: "VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together (`npx web-push generate-vapid-keys`)",
      });
    }
    if (env.NODE_ENV === "production" && (!env.AUTH_SECRET || env.AUTH_SECRET.length < 32)) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "AUTH_SECRET is required in production (at least 32 characters; e.g. `openssl rand -base64 32`)",
      });
    }
  });

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${lines}`);
  }
  cached = parsed.data;
  return cached;
}

const linkSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  AUTH_SECRET: z.string().optional(),
  APP_URL: z.string().url().default("http://localhost:3000"),
});

/**
 * What links in messages need — the portal's address and the signing secret — read on their own: routing writes
 * them into every offer's message, also where no DATABASE_URL is in the environment (benchmarks and tests pass
 * their database explicitly).
 */
export function linkEnv(): z.infer<typeof linkSchema> {
  // Read on every offer routing writes: parsed again only when one of its variables changed.
  const key = `${process.env.NODE_ENV}|${process.env.AUTH_SECRET}|${process.env.APP_URL}`;
  if (linkCache?.key !== key) linkCache = { key, value: linkSchema.parse(process.env) };
  return linkCache.value;
}
let linkCache: { key: string; value: z.infer<typeof linkSchema> } | undefined;

/**
 * The secret the portal signs its own links and messages with (each use derives its own key from it): AUTH_SECRET,
 * or a fixed one only outside production.
 */
export function signingSecret(): string {
  const { AUTH_SECRET: secret, NODE_ENV } = linkEnv();
  if (secret) return secret;
  if (NODE_ENV === "production") throw new Error("AUTH_SECRET is required to sign links");
  return "mamin-merata-development-only";
}
