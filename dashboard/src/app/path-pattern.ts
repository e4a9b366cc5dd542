/** Path parameters by name, decoded (`/ops/reports/:id` on `/ops/reports/42` → `{ id: "42" }`). */
export type PathParams = Record<string, string>;

/** Trailing slashes are not part of a route: `/ops/` is `/ops`. */
export function normalizePath(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, "") || "/" : path;
}

/**
 * Whether `path` fits `pattern` (Express-style segments, `:name` matching one non-empty segment), and
 * with which parameters. Null when it does not fit, or when a parameter is not valid percent-encoding.
 */
export function matchPath(pattern: string, path: string): PathParams | null {
  const want = normalizePath(pattern).split("/");
  const got = normalizePath(path).split("/");
  if (want.length !== got.length) return null;
  const params: PathParams = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (!w.startsWith(":")) {
      if (w !== g) return null;
      continue;
    }
    if (!g) return null;
    try {
      params[w.slice(1)] = decodeURIComponent(g);
    } catch {
      return null;
    }
  }
  return params;
}

/** The path of `pattern` with its parameters filled in (encoded): the inverse of `matchPath`. */
export function fillPath(pattern: string, params: PathParams = {}): string {
  return pattern.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${pattern}: missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
