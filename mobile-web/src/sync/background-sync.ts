/** The Background Sync tag; the service worker answers it by asking open pages to send. */
export const OUTBOX_SYNC_TAG = "sikanda-outbox";

interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

/**
 * Ask the browser to fire a `sync` event when connectivity returns (Chromium only; elsewhere the
 * `online` event and the loop's own timer do the job). Registering an existing tag is a no-op.
 */
export function requestBackgroundSync(): void {
  if (typeof navigator === "undefined" || !navigator.serviceWorker) return;
  void navigator.serviceWorker.ready
    .then((reg) => (reg as ServiceWorkerRegistration & { sync?: SyncManagerLike }).sync?.register(OUTBOX_SYNC_TAG))
    .catch(() => undefined); // permission denied or unsupported: not worth bothering the officer
}
