import { createHttp } from "./http.ts";

let unauthorizedHandler: (() => void) | undefined;

/** The session model registers here; the API layer must not import views or models. */
export function onSessionLost(handler: () => void) {
  unauthorizedHandler = handler;
}

/** The one HTTP client of the dashboard. */
export const api = createHttp({
  fetch: (input, init) => globalThis.fetch(input, init),
  onUnauthorized: () => unauthorizedHandler?.(),
});
