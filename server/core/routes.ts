import { Router, type Request, type RequestHandler, type Response } from "express";
import type { z } from "zod";
import { API_ROUTES, type ApiRoutes, type RouteKey } from "@contract/routes.ts";
import { parseInput } from "./validate.ts";

type Parsed<R, F extends "params" | "query" | "body"> = R extends Record<F, infer S extends z.ZodType> ? z.output<S> : undefined;

/** A handler's input, parsed with the route's schemas (after the access check, so a 401/403 comes first). */
export interface ParsedInput<K extends RouteKey> {
  params: Parsed<ApiRoutes[K], "params">;
  query: Parsed<ApiRoutes[K], "query">;
  body: Parsed<ApiRoutes[K], "body">;
}

/** What a handler returns: the JSON answer its entry declares; nothing for `empty` and `file` (it answered). */
export type Reply<K extends RouteKey> = ApiRoutes[K]["output"] extends infer O extends z.ZodType ? z.input<O> : void;

export type RouteHandler<K extends RouteKey> = (input: ParsedInput<K>, http: { req: Request; res: Response }) => Promise<Reply<K>> | Reply<K>;

export interface RouteOptions {
  /** Middleware between the access check and the handler (a raw body parser). */
  before?: RequestHandler[];
  /** Leave the body unparsed (`input.body` undefined, read `req.body`): intake parses it itself, once, for both doors. */
  rawBody?: true;
}

export type RouteHandlers<K extends RouteKey> = { [P in K]: RouteHandler<P> | (RouteOptions & { handle: RouteHandler<P> }) };

/** The access check of a route, supplied by auth/ (core depends on no capability). */
export type AccessGuard<K extends RouteKey> = (access: ApiRoutes[K]["access"]) => RequestHandler;

/**
 * Register routes of the contract table with their handlers: access guard, input parsing, handler, then
 * the answer — JSON by default, 204 for `empty`; a `file` handler answers itself. Status other than 200
 * (201 Created) is the handler's to set on `res`. The guard's parameter type makes tsc refuse an entry
 * whose access is not a real permission.
 */
export function registerRoutes<K extends RouteKey>(router: Router, handlers: RouteHandlers<K>, guard: AccessGuard<K>): Router {
  for (const key of Object.keys(handlers) as K[]) {
    const spec: ApiRoutes[RouteKey] = API_ROUTES[key];
    const entry = handlers[key];
    const { handle, before = [], rawBody } = typeof entry === "function" ? { handle: entry, before: [], rawBody: undefined } : entry;
    const [method, path] = key.split(" ") as [string, string];
    const run: RequestHandler = async (req, res) => {
      const input = {
        params: "params" in spec ? parseInput(spec.params, req.params) : undefined,
        query: "query" in spec ? parseInput(spec.query, req.query) : undefined,
        body: "body" in spec && spec.body !== "bytes" && !rawBody ? parseInput(spec.body, req.body) : undefined,
      } as ParsedInput<K>;
      const reply = await (handle as RouteHandler<RouteKey>)(input, { req, res });
      if (spec.output === "file" || res.headersSent) return;
      if (spec.output === "empty") res.status(204).end();
      else res.json(reply);
    };
    router[method.toLowerCase() as "get"](path, guard(spec.access as ApiRoutes[K]["access"]), ...before, run);
  }
  return router;
}

/** A router holding these routes. */
export function routerFor<K extends RouteKey>(handlers: RouteHandlers<K>, guard: AccessGuard<K>): Router {
  return registerRoutes(Router(), handlers, guard);
}
