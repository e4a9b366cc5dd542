import { createModel, signal } from "@preact/signals";

/**
 * The browser's idea of being online. Only a hint (a phone on a dead cell is "online"), used for
 * wording and for when to re-check the session; sending never trusts it — the outbox just tries.
 */
export const ConnectionModel = createModel(() => {
  const online = signal(typeof navigator === "undefined" ? true : navigator.onLine);
  addEventListener("online", () => (online.value = true));
  addEventListener("offline", () => (online.value = false));
  return { online };
});

export type Connection = InstanceType<typeof ConnectionModel>;
