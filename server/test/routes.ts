import type { Express } from "express";
import { ACCESS } from "../auth/auth.middleware.ts";
import type { Access } from "../auth/permissions.ts";

export interface RegisteredRoute {
  method: string;
  path: string;
  /** Access decisions found among the route's handlers (normally exactly one). */
  access: Access[];
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean>; stack: { handle: unknown }[] };
  handle: { stack?: Layer[] } & Record<symbol, unknown>;
}

/** Every route registered on the app, walking mounted routers, with the access decisions it carries. */
export function listRoutes(app: Express): RegisteredRoute[] {
  const out: RegisteredRoute[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const access = layer.route.stack
          .map((s) => (s.handle as Record<symbol, Access | undefined>)[ACCESS])
          .filter((a): a is Access => a !== undefined);
        for (const method of Object.keys(layer.route.methods)) {
          if (method === "_all") continue;
          out.push({ method: method.toUpperCase(), path: layer.route.path, access });
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return out;
}
