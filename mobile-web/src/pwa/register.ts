import { signal } from "@preact/signals";

/** A new version installed and waiting; the banner offers to switch to it. */
export const updateWaiting = signal<ServiceWorker | null>(null);
/**
 * A service worker is active for /m/: the app shell is on the phone (a worker activates only once its
 * install stored every file) and the next start works without signal.
 */
export const shellCached = signal(false);
let updateRequested = false;

/**
 * Register /m/sw.js (scope /m/). A new version waits instead of taking over mid-report: the officer
 * chooses when to reload (the banner), and only that choice reloads the page.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const sw = navigator.serviceWorker;
  sw.addEventListener("controllerchange", () => {
    if (updateRequested) location.reload();
  });
  void sw
    .register("/m/sw.js", { scope: "/m/" })
    .then((reg) => {
      const watch = (worker: ServiceWorker | null) =>
        worker?.addEventListener("statechange", () => {
          if (worker.state === "installed" && sw.controller) updateWaiting.value = worker;
        });
      if (reg.waiting && sw.controller) updateWaiting.value = reg.waiting;
      reg.addEventListener("updatefound", () => watch(reg.installing));
      return sw.ready.then(() => (shellCached.value = true));
    })
    .catch(() => undefined); // no SW (private mode, old browser): the app works online only
}

export function applyUpdate(): void {
  updateRequested = true;
  updateWaiting.value?.postMessage({ type: "skip-waiting" });
}
