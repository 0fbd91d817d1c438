// Offers as text messages (SMS or WhatsApp) through an HTTP gateway (issue 17, item 1): one interface, one concrete
// adapter for the common shape of Indonesian SMS/WhatsApp gateway APIs — a JSON POST with a bearer token — configured
// by MESSAGE_GATEWAY_URL and MESSAGE_GATEWAY_TOKEN (MESSAGE_GATEWAY_SENDER optional), off when unconfigured. The
// outbox (lib/data/notifications/dispatch-outbox.ts) calls it with retries and backoff; a 4xx answer (other than 429)
// is permanent, anything else is retried.
import { env } from "@/lib/env";

export interface MessageGateway {
  /** Sends `text` to `to` (international form without "+", e.g. 6281234567890). Throws GatewayError on failure. */
  send(to: string, text: string): Promise<void>;
}

export class GatewayError extends Error {
  constructor(
    message: string,
    /** True when sending again cannot help (the gateway refused the request itself). */
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "GatewayError";
  }
}

export interface HttpGatewayConfig {
  url: string;
  token: string;
  sender?: string;
  /** Milliseconds before a request is given up (and retried later). */
  timeoutMs?: number;
}

/**
 * The HTTP adapter: `POST <url>` with `Authorization: Bearer <token>` and the JSON body
 * `{ "to": "62812…", "message": "…", "sender": "…" }`; any 2xx is success.
 */
export function httpGateway(config: HttpGatewayConfig): MessageGateway {
  return {
    async send(to, text) {
      let res: Response;
      try {
        res = await fetch(config.url, {
          method: "POST",
          headers: {
            Authorization: `Bearer ${config.token}`,
            "Content-Type": "application/json",
            Accept: "application/json",
          },
          body: JSON.stringify({ to, message: text, ...(config.sender ? { sender: config.sender } : {}) }),
          signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
        });
      } catch (e) {
        throw new GatewayError(`Gateway tidak dapat dihubungi: ${e instanceof Error ? e.message : String(e)}`, false);
      }
      if (res.ok) return;
      const detail = (await res.text().catch(() => "")).slice(0, 200);
      const permanent = res.status >= 400 && res.status < 500 && res.status !== 429 && res.status !== 408;
      throw new GatewayError(`Gateway menjawab ${res.status}${detail ? `: ${detail}` : ""}`, permanent);
    },
  };
}

/** The configured gateway, or null when MESSAGE_GATEWAY_URL is not set. */
export function configuredGateway(): MessageGateway | null {
  const e = env();
  return e.MESSAGE_GATEWAY_URL && e.MESSAGE_GATEWAY_TOKEN
    ? httpGateway({ url: e.MESSAGE_GATEWAY_URL, token: e.MESSAGE_GATEWAY_TOKEN, sender: e.MESSAGE_GATEWAY_SENDER })
    : null;
}
