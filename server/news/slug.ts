import { NEWS_LIMITS } from "@contract/news.ts";

/** Room left for a `-2`, `-3` … suffix when a slug is taken already. */
const SUFFIX_ROOM = 6;

/**
 * The slug of a title: ASCII lowercase words joined by hyphens ("Rapat Koordinasi FKUB 2026" →
 * "rapat-koordinasi-fkub-2026"). Accents are dropped rather than the letters (é → e); a title with no
 * Latin letters or digits at all gets "berita".
 */
export function slugOf(title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const cut = words.slice(0, NEWS_LIMITS.slugMax - SUFFIX_ROOM).replace(/-+$/g, "");
  return cut || "berita";
}

/** The first of `base`, `base-2`, `base-3` … that is not in `taken`. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
