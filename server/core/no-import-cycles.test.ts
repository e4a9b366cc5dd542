import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The folders of server/ form a graph by their imports; a cycle in it means two capabilities cannot be
 * understood, tested or changed apart. Tests are left out: a test sits beside its code and may reach the
 * helpers of server/test/, which import the whole app, and no code imports a test. The helpers themselves
 * are in, so production code importing them would show.
 */

const SERVER = fileURLToPath(new URL("..", import.meta.url));
/** tsconfig.json "paths" that lead into server/. */
const ALIASES: [prefix: string, dir: string][] = [["@contract/", path.join(SERVER, "contract")]];

/** The part of server/ a file belongs to: its top folder (`auth`), or itself at the top (`app.ts`). */
function partOf(file: string): string | undefined {
  const rel = path.relative(SERVER, file);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep)[0];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|mts|mjs)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [full] : [];
  });
}

/** Where an import specifier leads, or undefined for a package. */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  if (specifier.startsWith(".")) return path.resolve(path.dirname(from), specifier);
  const alias = ALIASES.find(([prefix]) => specifier.startsWith(prefix));
  return alias && path.join(alias[1], specifier.slice(alias[0].length));
}

/** from → to → the files of `from` that import from `to`. */
type PartGraph = Map<string, Map<string, string[]>>;

/** Static, type-only, re-export and dynamic imports alike, read by TypeScript's own scanner. */
function importGraph(files: string[]): PartGraph {
  const graph: PartGraph = new Map();
  for (const file of files) {
    const from = partOf(file)!;
    const edges = graph.get(from) ?? graph.set(from, new Map()).get(from)!;
    for (const { fileName } of ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles) {
      const target = resolveSpecifier(file, fileName);
      const to = target && partOf(target);
      if (!to || to === from) continue;
      const via = edges.get(to) ?? edges.set(to, []).get(to)!;
      const rel = path.relative(SERVER, file);
      if (!via.includes(rel)) via.push(rel);
    }
  }
  return graph;
}

/** Strongly connected parts with more than one member (Tarjan): each is at least one cycle. */
function cyclicGroups(graph: PartGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const groups: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do group.push((w = stack.pop()!));
    while (w !== v);
    if (group.length > 1) groups.push(group.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return groups;
}

/** A group's edges, each with the files that make it: what to change to break the cycle. */
function describeGroup(graph: PartGraph, group: string[]): string {
  const lines = group.flatMap((from) =>
    [...(graph.get(from) ?? [])].filter(([to]) => group.includes(to)).map(([to, files]) => `  ${from} → ${to}: ${files.join(", ")}`),
  );
  return `import cycle among {${group.join(", ")}}:\n${lines.join("\n")}`;
}

const graph = importGraph(sourceFiles(SERVER));

describe("imports between the folders of server/", () => {
  it("form no cycle", () => {
    expect(cyclicGroups(graph).map((g) => describeGroup(graph, g))).toEqual([]);
  });

  it("leave core/ depending on no capability (only on the contract and the migrations it runs)", () => {
    const reached = [...(graph.get("core") ?? [])].filter(([to]) => !["contract", "migrations"].includes(to));
    expect(reached.map(([to, files]) => `core → ${to}: ${files.join(", ")}`)).toEqual([]);
  });

  it("are read from the real tree (type-only, aliased and dynamic imports included)", () => {
    expect(graph.get("reports")?.has("core")).toBe(true);
    expect(graph.get("core")?.has("contract")).toBe(true);
    expect(graph.get("app.ts")?.has("reports")).toBe(true);
  });

  it("name every cycle with the files that make it", () => {
    const toy: PartGraph = new Map([
      ["a", new Map([["b", ["a/x.ts"]]])],
      ["b", new Map([["c", ["b/y.ts"]]])],
      ["c", new Map([["a", ["c/z.ts"]], ["d", ["c/w.ts"]]])],
      ["d", new Map()],
    ]);
    expect(cyclicGroups(toy)).toEqual([["a", "b", "c"]]);
    expect(describeGroup(toy, ["a", "b", "c"])).toBe(
      "import cycle among {a, b, c}:\n  a → b: a/x.ts\n  b → c: b/y.ts\n  c → a: c/z.ts",
    );
  });
});
