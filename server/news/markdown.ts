import MarkdownIt from "markdown-it";

/**
 * The one Markdown renderer of news bodies. Its output is what the public page puts into the DOM as HTML,
 * so every rule here is a security rule:
 *
 * - `html: false`: raw HTML in the Markdown (`<script>`, `<img onerror=…>`, `<iframe>`) is shown as text,
 *   escaped, never as markup. markdown-it escapes every text and attribute value it writes.
 * - Links: only `http:`, `https:`, `mailto:` and relative paths (`/berita/…`, `#bagian`). Anything else
 *   (`javascript:`, `JAVASCRIPT:`, `  javascript:`, `java\tscript:`, `data:`, `vbscript:`, `file:`,
 *   protocol-relative `//host`) is not made a link; its text stays as text. Links carry
 *   `rel="noopener noreferrer nofollow"`: an article must not pass our page to another site or lend it rank.
 * - Images: only from our own public files (`/api/public/…`, e.g. a news cover or a published photo).
 *   Decided so because a picture from another host would tell that host who reads which article, and
 *   could change under us after review; anything else renders as its alt text.
 */

const ALLOWED_SCHEMES = new Set(["http:", "https:", "mailto:"]);
/** Our own public files; `..` and encoded slashes are refused so a path cannot climb out of it. */
const OWN_IMAGE = /^\/api\/public\/[A-Za-z0-9/_.-]+$/;

/**
 * Whether a link target may be followed. Browsers drop tabs, newlines and leading spaces/controls from a
 * URL before reading its scheme, so those are stripped first; what remains has an allowed scheme or none.
 */
export function isSafeLink(url: string): boolean {
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  // Percent-encoding does not hide a scheme from this check: decode what markdown-it's normalizeLink encoded.
  let decoded = cleaned;
  try {
    decoded = decodeURIComponent(cleaned).replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  } catch {
    return false;
  }
  if (decoded.startsWith("//") || decoded.startsWith("\\") || decoded.startsWith("/\\")) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(decoded);
  // No scheme: a relative path or fragment (a colon later on, `/a:b`, is part of the path).
  if (!scheme) return true;
  return ALLOWED_SCHEMES.has(scheme[1]!.toLowerCase() + ":");
}

/** Whether an image source is one of our own public files. */
export function isOwnImage(src: string): boolean {
  return OWN_IMAGE.test(src) && !src.split("/").includes("..");
}

const REL = "noopener noreferrer nofollow";

function createRenderer() {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  md.validateLink = isSafeLink;

  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    tokens[idx]!.attrSet("rel", REL);
    return defaultLinkOpen(tokens, idx, options, env, self);
  };

  const defaultImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    // Not ours: the alt text, escaped, where the picture would have been.
    if (!isOwnImage(String(token.attrGet("src") ?? ""))) return md.utils.escapeHtml(self.renderInlineAsText(token.children ?? [], options, env));
    token.attrSet("loading", "lazy");
    return defaultImage(tokens, idx, options, env, self);
  };
  return md;
}

const renderer = createRenderer();

/**
 * The renderer's version, stored with each rendering (`news.render_version`). Bump it whenever the HTML
 * these rules write changes — above all for a safety fix — and every stored news body is rendered again
 * when the server next starts (news.service `refreshRenderings`).
 */
export const NEWS_RENDERER_VERSION = 1;

/** Safe HTML for a news body written in Markdown (see the rules above). */
export function renderNewsMarkdown(markdown: string): string {
  return renderer.render(markdown);
}
