"use client";
// "Aktifkan notifikasi": the vendor's phone subscribes to Web Push, so a new offer shows up like a WhatsApp message
// even with the portal closed (public/sw.js shows it). Labels come from the server; nothing here without push.
import { useEffect, useState } from "react";
import { removePushSubscriptionAction, savePushSubscriptionAction } from "@/lib/actions/push";
import { Button } from "@/components/ui/button";

type State = "checking" | "unsupported" | "off" | "working" | "on" | "denied" | "error";

export interface PushOptInLabels {
  intro: string;
  enable: string;
  disable: string;
  on: string;
  denied: string;
  unsupported: string;
  error: string;
}

/** The VAPID public key (base64url) as the bytes PushManager wants. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = (base64url + "=".repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

function form(sub: PushSubscription): FormData {
  const json = sub.toJSON();
  const f = new FormData();
  f.set("endpoint", json.endpoint ?? "");
  f.set("p256dh", json.keys?.p256dh ?? "");
  f.set("auth", json.keys?.auth ?? "");
  return f;
}

export function PushOptIn({ publicKey, labels }: { publicKey: string; labels: PushOptInLabels }) {
  const [state, setState] = useState<State>("checking");

  useEffect(() => {
    // What this browser can do and has already done, read once after it renders (state set from the promise).
    const supported = "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
    const check = async (): Promise<State> => {
      if (!supported) return "unsupported";
      if (Notification.permission === "denied") return "denied";
      const reg = await navigator.serviceWorker.getRegistration("/");
      return (await reg?.pushManager.getSubscription()) ? "on" : "off";
    };
    check()
      .catch((): State => "off")
      .then(setState);
  }, []);

  async function enable() {
    setState("working");
    try {
      const reg = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
      if ((await Notification.requestPermission()) !== "granted") {
        setState("denied");
        return;
      }
      const sub =
        (await reg.pushManager.getSubscription()) ??
        (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
      const r = await savePushSubscriptionAction(form(sub));
      setState(r.ok ? "on" : "error");
    } catch {
      setState("error");
    }
  }

  async function disable() {
    setState("working");
    try {
      const sub = await (await navigator.serviceWorker.getRegistration("/"))?.pushManager.getSubscription();
      if (sub) {
        await removePushSubscriptionAction(form(sub));
        await sub.unsubscribe();
      }
      setState("off");
    } catch {
      setState("error");
    }
  }

  if (state === "checking") return null;
  return (
    <div className="space-y-2 text-sm" aria-live="polite">
      {state === "on" ? (
        <>
          <p className="font-medium text-green-800">{labels.on}</p>
          <Button type="button" variant="secondary" onClick={disable}>
            {labels.disable}
          </Button>
        </>
      ) : state === "unsupported" ? (
        <p className="text-slate-700">{labels.unsupported}</p>
      ) : state === "denied" ? (
        <p className="text-amber-900">{labels.denied}</p>
      ) : (
        <>
          <p className="text-slate-700">{labels.intro}</p>
          {state === "error" ? <p className="text-red-800">{labels.error}</p> : null}
          <Button type="button" onClick={enable} disabled={state === "working"}>
            {labels.enable}
          </Button>
        </>
      )}
    </div>
  );
}
