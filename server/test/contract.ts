import type { z } from "zod";
import { ErrorBody } from "@contract/errors.ts";
import { API_ROUTES, type RouteKey } from "@contract/routes.ts";

const isRouteKey = (key: string): key is RouteKey => key in API_ROUTES;

function issuesOf(result: z.ZodSafeParseResult<unknown>): string[] {
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`);
}

/**
 * What is wrong with an answer, measured against the route's entry in the contract table (empty when
 * nothing is). A 2xx must match the entry's `output` exactly (strict objects: an extra field is a
 * finding too); any other JSON answer must be the one error body.
 */
export function contractProblems(key: string, status: number, body: unknown): string[] {
  if (!isRouteKey(key)) return [`${key} has no entry in the contract table`];
  const output = API_ROUTES[key].output;
  if (status < 200 || status >= 300) return body === undefined || typeof body === "string" ? [] : issuesOf(ErrorBody.safeParse(body));
  if (output === "file") return [];
  if (output === "empty") return status === 204 && body === undefined ? [] : [`expected 204 without a body, got ${status}`];
  return issuesOf(output.safeParse(body));
}

/** Routes whose answer is JSON, so a test can insist each was seen succeeding and checked. */
export const JSON_ROUTES = (Object.keys(API_ROUTES) as RouteKey[]).filter((k) => API_ROUTES[k].output !== "file");
