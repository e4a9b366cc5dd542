import type { CallableRoute, RouteInput } from "./routes.ts";

/**
 * The HTTP request for a route of the table: method and path from its key, `:params` filled in
 * (encoded), the query string without empty values (so the server's defaults apply), the JSON body.
 * Imports the table as a type only, so a client bundle carries no schemas.
 */
export function routeRequest<K extends CallableRoute>(route: K, input: RouteInput<K>): { method: string; url: string; body?: unknown } {
  const space = route.indexOf(" ");
  const method = route.slice(0, space);
  const params = (input.params ?? {}) as Record<string, string | number>;
  const path = route.slice(space + 1).replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route}: missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries((input.query ?? {}) as Record<string, unknown>))
    if (v !== undefined && v !== null && v !== "") query.set(k, String(v));
  const qs = query.toString();
  return { method, url: qs ? `${path}?${qs}` : path, ...(input.body !== undefined ? { body: input.body } : {}) };
}

/** A call's input may be left out when nothing in it is required (`call("GET /api/auth/me")`). */
export type InputArg<K extends CallableRoute> = {} extends RouteInput<K> ? [input?: RouteInput<K>] : [input: RouteInput<K>];
