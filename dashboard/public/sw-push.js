/*
 * SIKANDA Web Push worker (served at /sw-push.js, scope /). Plain JS, no build step: it only shows what
 * the server pushed — { title, body, url, tag } (server/contract/notifications.ts PushPayload), decrypted
 * by the browser — and opens or focuses the page on click. It caches nothing: the dashboard is online-only.
 */
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("push", (event) => {
  let payload = {};
  try {
    payload = event.data ? event.data.json() : {};
  } catch {
    payload = { body: event.data ? event.data.text() : "" };
  }
  const title = typeof payload.title === "string" ? payload.title : "SIKANDA";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof payload.body === "string" ? payload.body : "",
      tag: typeof payload.tag === "string" ? payload.tag : undefined,
      icon: "/icon-192.png",
      badge: "/icon-192.png",
      data: { url: sameOriginPath(payload.url) },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = new URL((event.notification.data && event.notification.data.url) || "/", self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      for (const client of windows) {
        if (client.url === url && "focus" in client) return client.focus();
      }
      const open = windows.find((c) => "navigate" in c && new URL(c.url).origin === self.location.origin);
      if (open) return open.navigate(url).then((c) => c && c.focus());
      return self.clients.openWindow(url);
    }),
  );
});

/** Only a path of this site is opened: a pushed message cannot send the user elsewhere. */
function sameOriginPath(url) {
  return typeof url === "string" && url.startsWith("/") && !url.startsWith("//") ? url : "/";
}
