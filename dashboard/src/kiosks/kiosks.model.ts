import { computed, createModel, signal } from "@preact/signals";
import type { Http } from "@kit/http.ts";
import type { KioskTokenView, WallSettings } from "@contract/wall.ts";

/** The address a screen opens: the token rides in the fragment, which the browser never sends to a server or a proxy log. */
export function wallUrlFor(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, "")}/wall#kiosk=${token}`;
}

/** Live tokens first (newest first), then the revoked ones (most recently revoked first). */
export function byLiveThenNewest(a: KioskTokenView, b: KioskTokenView): number {
  if (!a.revokedAt !== !b.revokedAt) return a.revokedAt ? 1 : -1;
  return (b.revokedAt ?? b.createdAt).localeCompare(a.revokedAt ?? a.createdAt);
}

/**
 * Kiosk tokens and the wall's settings (admins, /admin/kiosks). An issued token's secret is held only in
 * `issued` until the admin dismisses it: it is shown once, and never listed again (the server keeps only
 * its hash).
 */
export const KiosksModel = createModel((http: Http) => {
  const items = signal<KioskTokenView[]>([]);
  const settings = signal<WallSettings | null>(null);
  const loading = signal(false);
  const error = signal<unknown>(null);
  /** The token just issued, with the address to put on the screen; cleared when dismissed. */
  const issued = signal<{ kiosk: KioskTokenView; url: string } | null>(null);
  const sorted = computed(() => [...items.value].sort(byLiveThenNewest));

  function put(k: KioskTokenView) {
    items.value = items.value.some((x) => x.id === k.id) ? items.value.map((x) => (x.id === k.id ? k : x)) : [k, ...items.value];
  }

  async function load() {
    loading.value = true;
    try {
      const [list, current] = await Promise.all([http.call("GET /api/kiosk-tokens", {}), http.call("GET /api/wall/settings", {})]);
      items.value = list.data;
      settings.value = current.data;
      error.value = null;
    } catch (err) {
      error.value = err;
    } finally {
      loading.value = false;
    }
  }

  return {
    items,
    sorted,
    settings,
    loading,
    error,
    issued,
    load,
    /** Issue a token for a screen; its address is kept in `issued` to be shown once. */
    async issue(label: string, origin: string): Promise<void> {
      const { data } = await http.call("POST /api/kiosk-tokens", { body: { label } });
      put(data.kiosk);
      issued.value = { kiosk: data.kiosk, url: wallUrlFor(origin, data.token) };
    },
    dismissIssued() {
      issued.value = null;
    },
    /** Revoke: the screen goes dark within 2 s. */
    async revoke(id: string): Promise<void> {
      put((await http.call("DELETE /api/kiosk-tokens/:id", { params: { id } })).data);
      if (issued.value?.kiosk.id === id) issued.value = null;
    },
    async saveSettings(next: WallSettings): Promise<void> {
      settings.value = (await http.call("PUT /api/wall/settings", { body: next })).data;
    },
  };
});

export type KiosksModel = InstanceType<typeof KiosksModel>;
