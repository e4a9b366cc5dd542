import type { SessionUser } from "@contract/auth.ts";
import type { Route } from "./router.ts";

/** What the app shows: the login form, the forced password change, or the route asked for. */
export type Screen = { name: "login" } | { name: "change-password" } | { name: "route"; route: Route };

/**
 * One place for the gate in front of every view. A temporary password (issued or reset by an admin) must
 * be replaced before anything else, whichever route the hash names — a deep link or the back button
 * cannot skip it. The cached user keeps the flag, so an offline start lands here too.
 */
export function decideScreen(user: Pick<SessionUser, "mustChangePassword"> | null, route: Route): Screen {
  if (!user) return { name: "login" };
  if (user.mustChangePassword) return { name: "change-password" };
  return { name: "route", route };
}
