import { signal } from "@preact/signals";

/**
 * A tiny path router: the current location as signals, `navigate` to change it. The server answers
 * every non-API path with index.html, so real paths (not hashes) work on reload and in links.
 */
export const currentPath = signal(location.pathname);
export const currentSearch = signal(location.search);

function sync() {
  currentPath.value = location.pathname;
  currentSearch.value = location.search;
}

window.addEventListener("popstate", sync);

/** Paths another front end serves (the wall screen, the officer app): reached by loading them, not in-app. */
const OTHER_FRONT_ENDS = [/^\/wall(?:[?#]|$)/, /^\/m\//];

export function navigate(to: string, opts: { replace?: boolean } = {}) {
  if (OTHER_FRONT_ENDS.some((p) => p.test(to))) {
    if (opts.replace) location.replace(to);
    else location.assign(to);
    return;
  }
  if (to === location.pathname + location.search) return;
  if (opts.replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  sync();
}

/** A query parameter of the current location. */
export function queryParam(name: string): string | null {
  return new URLSearchParams(currentSearch.value).get(name);
}

/** Only same-site paths are followed after login, so `?next=` cannot send anyone elsewhere. */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : null;
}
