import type { KeyValueStore } from "@kit/i18n.ts";

export const KIOSK_TOKEN_KEY = "sikanda.wall.kiosk";

interface Location {
  hash: string;
  pathname: string;
  search: string;
}

/**
 * The kiosk token of this screen. An admin puts `/wall#kiosk=<token>` on the screen once: the token is
 * kept in storage (so a reload or a power cut does not need the URL again) and taken out of the address
 * bar at once, so it does not sit in view, in a screenshot or in the history. A fragment never reaches
 * the server or a proxy log. Without a token the wall uses the leader's session cookie.
 */
export function takeKioskToken(location: Location, storage: KeyValueStore | null, replaceUrl: (url: string) => void): string | null {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, "")).get("kiosk");
  if (fromHash) {
    try {
      storage?.setItem(KIOSK_TOKEN_KEY, fromHash);
    } catch {
      // Storage blocked: the token lasts until this page reloads, which is the best we can do.
    }
    replaceUrl(location.pathname + location.search);
    return fromHash;
  }
  try {
    return storage?.getItem(KIOSK_TOKEN_KEY) || null;
  } catch {
    return null;
  }
}

/** The browser's storage, or null where it is blocked. */
export function browserStorage(): KeyValueStore | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}
