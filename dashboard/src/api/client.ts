import { createHttp } from "@kit/http.ts";

let unauthorizedHandler: (() => void) | undefined;

/** The session model registers here; the API layer must not import views or models. */
export function onSessionLost(handler: () => void) {
  unauthorizedHandler = handler;
}

/**
 * The one HTTP client of the dashboard (the kit's, with the dashboard's lost-session hook). A minute
 * before giving up: the boundaries and long lists are large, and a desk on a district line is slow.
 */
export const api = createHttp({ timeoutMs: 60_000, onUnauthorized: () => unauthorizedHandler?.() });
