"use client";
// Registers the portal's service worker (public/sw.js) on the vendor's pages: it shows offers pushed to the phone and
// keeps the offline shell, so an installed portal opened without signal says so instead of showing the browser's
// error. Renders nothing; without service worker support it does nothing.
import { useEffect } from "react";

export function ServiceWorker() {
  useEffect(() => {
    if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {});
  }, []);
  return null;
}
