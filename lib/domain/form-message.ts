// Why a plain form post was refused, carried back in the address bar to the page that shows it (`why=`): the
// validation message the server wrote, signed so that only the server's own words are ever shown — a link someone
// crafts with a message of their own ("Transfer ke rekening …") shows nothing. Pure: the key is passed in.
import { createHmac, timingSafeEqual } from "node:crypto";

const MAX_CHARS = 200;

function mac(key: string, text: string): Buffer {
  const k = createHmac("sha256", "mamin-merata:form-message").update(key).digest();
  return createHmac("sha256", k).update(text).digest().subarray(0, 12);
}

/** `text` as a `why` value: base64url text, a dot, base64url signature. Long messages are cut. */
export function signFormMessage(key: string, text: string): string {
  const t = Array.from(text).slice(0, MAX_CHARS).join("");
  return `${Buffer.from(t, "utf8").toString("base64url")}.${mac(key, t).toString("base64url")}`;
}

/** The message inside a `why` value, or null when it is not one the server signed with `key`. */
export function readFormMessage(key: string, value: string | undefined): string | null {
  if (!value || value.length > 600) return null;
  const [body, sig, extra] = value.split(".");
  if (!body || !sig || extra !== undefined) return null;
  const text = Buffer.from(body, "base64url").toString("utf8");
  const given = Buffer.from(sig, "base64url");
  const want = mac(key, text);
  return given.length === want.length && timingSafeEqual(given, want) ? text : null;
}
