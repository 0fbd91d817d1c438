// Mamin Merata's service worker: shows the portal's push notifications (a new offer on the vendor's phone, even with
// the portal closed) and opens the page they point to when tapped. Nothing is cached: every page is live data.
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
