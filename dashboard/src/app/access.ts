import type { Audience, Role } from "@contract/auth.ts";
import type { MessageKey } from "../i18n/i18n.ts";

/** Every view of the dashboard, who may open it, and its nav label (none: not in the top bar). */
export interface RouteDef {
  path: string;
  label?: MessageKey;
  audiences: readonly Audience[];
}

const everyone: Audience[] = ["anonymous", "guest", "officer", "verifier", "leader", "admin"];
const signedIn: Audience[] = ["guest", "officer", "verifier", "leader", "admin"];

export const ROUTES = {
  map: { path: "/", label: "nav.map", audiences: everyone },
  ops: { path: "/ops", label: "nav.ops", audiences: ["verifier", "admin", "leader"] },
  users: { path: "/users", label: "nav.users", audiences: ["admin"] },
  audit: { path: "/audit", label: "nav.audit", audiences: ["admin"] },
  subCategories: { path: "/sub-categories", label: "nav.subCategories", audiences: ["admin"] },
  profile: { path: "/profile", label: "nav.profile", audiences: signedIn },
  login: { path: "/login", audiences: everyone },
} as const satisfies Record<string, RouteDef>;

export type RouteName = keyof typeof ROUTES;

export function routeForPath(path: string): RouteName | null {
  const normalized = path.length > 1 ? path.replace(/\/+$/, "") : path;
  const entry = Object.entries(ROUTES).find(([, r]) => r.path === normalized);
  return entry ? (entry[0] as RouteName) : null;
}

export const canOpen = (route: RouteName, audience: Audience) => (ROUTES[route].audiences as readonly Audience[]).includes(audience);

/** Where a user lands after login: the work view of their role. */
export function landingPath(role: Role): string {
  if (role === "verifier" || role === "leader") return ROUTES.ops.path;
  if (role === "admin") return ROUTES.users.path;
  return ROUTES.map.path;
}
