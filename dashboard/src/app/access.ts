import type { Audience, Role } from "@contract/auth.ts";
import { fillPath, type PathParams } from "./path-pattern.ts";
import { ROUTES, type RouteName } from "./routes.ts";

export { ROUTES, type RouteName };

/** Whether this audience may open the route (the server decides again on every call the page makes). */
export const canOpen = (route: RouteName, audience: Audience) => (ROUTES[route].audiences as readonly Audience[]).includes(audience);

/** A link to a route, its `:params` filled in. */
export const routePath = (route: RouteName, params?: PathParams) => fillPath(ROUTES[route].path, params);

/** Where a user lands after login: the work view of their role. */
export function landingPath(role: Role): string {
  if (role === "verifier" || role === "leader") return ROUTES.ops.path;
  if (role === "admin") return ROUTES.users.path;
  return ROUTES.map.path;
}
