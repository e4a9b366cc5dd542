import { computed, effect, type ReadonlySignal } from "@preact/signals";

export interface OfflineReadinessDeps {
  /** The service worker is active: every shell file (lazy views and the map included) is cached. */
  shellCached: ReadonlySignal<boolean>;
  signedIn: ReadonlySignal<boolean>;
  /** Both boundary levels are in IndexedDB (placing a report, drawing the map). */
  boundariesStored: ReadonlySignal<boolean>;
  /** The admins' sub-categories have been fetched once and kept. */
  subCategoriesKept: ReadonlySignal<boolean>;
}

/**
 * Whether the phone can lose its signal now and the officer still work: the shell cached and, once
 * signed in, the data the forms need offline kept too. Signed out, the shell is all there is to keep
 * (logging in needs the network anyway).
 */
export function offlineReadiness(d: OfflineReadinessDeps): ReadonlySignal<boolean> {
  return computed(() => d.shellCached.value && (!d.signedIn.value || (d.boundariesStored.value && d.subCategoriesKept.value)));
}

/**
 * Mirrors readiness on `<html data-offline-ready="true">`, a marker the rural-load benchmark and the
 * browser tests wait for (absent while not ready). Returns the cleanup.
 */
export function markOfflineReady(ready: ReadonlySignal<boolean>, root: HTMLElement = document.documentElement): () => void {
  return effect(() => {
    if (ready.value) root.dataset.offlineReady = "true";
    else delete root.dataset.offlineReady;
  });
}
