// The server-rendered text of an offer's time left (the Countdown refines it in the browser): "10 hari 12 jam lagi"
// for an hour or more, minutes below.
import { formatDuration, type Locale } from "@/lib/format";

type Translate = (
  key: "vendorHome.timeLeftLong" | "vendorHome.timeLeft",
  values: Record<string, string | number>,
) => string;

export function timeLeftText(t: Translate, ms: number, locale: Locale): string {
  return ms >= 3_600_000
    ? t("vendorHome.timeLeftLong", { duration: formatDuration(ms, locale) })
    : t("vendorHome.timeLeft", { minutes: Math.max(0, Math.floor(ms / 60_000)) });
}
