// Mamin Merata's service worker: shows the portal's push notifications (a new offer on the vendor's phone, even with
// the portal closed) and opens the page they point to when tapped; with no connection, a page opened shows the
// offline shell (/offline, kept at install) instead of the browser's error. Nothing else is cached: every page is
// live data, fetched from the network each time.
const SHELL = "mm-shell-v1";
const OFFLINE = "/offline";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll([OFFLINE, "/icon.svg"]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  // Page loads only; everything else goes to the network untouched.
  if (event.request.mode !== "navigate") return;
  event.respondWith(fetch(event.request).catch(() => caches.match(OFFLINE).then((r) => r || Response.error())));
});
self.addEventListener("push", (event) => {
  let message = { title: "Mamin Merata", body: "Ada kabar baru di Mamin Merata.", url: "/" };
  try {
    message = { ...message, ...event.data.json() };
  } catch {
    // A push without a readable payload still says something.
  }
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      icon: "/icon.svg",
      badge: "/icon.svg",
      lang: "id",
      tag: message.url,
      renotify: true,
      data: { url: message.url },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url || "/", self.location.origin);
  // Only the portal's own pages.
  const target = url.origin === self.location.origin ? url.href : self.location.origin;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      for (const w of windows) {
        if (w.url === target && "focus" in w) return w.focus();
      }
      return self.clients.openWindow(target);
    }),
  );
});
