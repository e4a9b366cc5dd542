import { describe, expect, it } from "vitest";
import { isSafeLink, renderNewsMarkdown } from "./markdown.ts";

/** Every `href` / `src` value in the HTML. */
const urlsOf = (html: string) => [...html.matchAll(/\s(?:href|src)\s*=\s*"([^"]*)"/gi)].map((m) => m[1]!);

/**
 * Whether any tag in the HTML carries an event-handler attribute (`onerror=`, `onclick=` …). Quoted
 * attribute values are blanked first: `title="a&quot; onmouseover=…"` is text inside a value, not an attribute.
 */
const hasHandlerAttribute = (html: string) => /<[a-z][^>]*\son[a-z]+\s*=/i.test(html.replace(/"[^"]*"/g, '""'));

/** The assertions every hostile input must pass: no script element, no handler, no dangerous URL. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<script/i);
  expect(hasHandlerAttribute(html)).toBe(false);
  for (const url of urlsOf(html)) expect(url.replace(/[\s\u0000-\u001f]|%[0-9a-f]{2}/gi, "")).not.toMatch(/^(javascript|vbscript|data|file):/i);
  expect(html).not.toMatch(/<(iframe|object|embed|style|svg|form)/i);
}

describe("news Markdown renders inert", () => {
  const HOSTILE = {
    script: "<script>alert(1)</script>",
    "javascript link": "[x](javascript:alert(1))",
    "img onerror": "<img src=x onerror=alert(1)>",
    "upper-case scheme": "[x](JAVASCRIPT:alert(1))",
    "leading spaces": "[x](  javascript:alert(1))",
    "angle-bracketed with spaces": "[x](<  javascript:alert(1)>)",
    "tab inside the scheme": "[x](java\tscript:alert(1))",
    "entity-encoded colon": "[x](javascript&colon;alert(1))",
    "entity-encoded letter": "[x](&#106;avascript:alert(1))",
    "percent-encoded": "[x](%6Aavascript:alert(1))",
    "data: link": "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "data: image": "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "vbscript: link": "[x](vbscript:msgbox(1))",
    autolink: "<javascript:alert(1)>",
    "reference link": "[x][r]\n\n[r]: javascript:alert(1)",
    "iframe and svg": '<iframe src="https://evil.example"></iframe><svg onload=alert(1)>',
    "attribute break-out in a title": '[x](https://example.org "a\\" onmouseover=\\"alert(1)")',
    "image from another host": "![pixel](https://tracker.example/p.gif)",
  };
  for (const [name, markdown] of Object.entries(HOSTILE))
    it(`neutralises ${name}`, () => {
      expectInert(renderNewsMarkdown(markdown));
    });

  it("shows raw HTML as text, escaped, rather than dropping it", () => {
    expect(renderNewsMarkdown("<script>alert(1)</script>")).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("keeps http(s), mailto and relative links, each with rel noopener noreferrer nofollow", () => {
    const html = renderNewsMarkdown("[a](https://balangankab.go.id/x?y=1) [b](mailto:kesbangpol@example.org) [c](/berita/rapat) [d](#bagian) https://www.example.org");
    expect(urlsOf(html)).toEqual(["https://balangankab.go.id/x?y=1", "mailto:kesbangpol@example.org", "/berita/rapat", "#bagian", "https://www.example.org"]);
    expect(html.match(/rel="noopener noreferrer nofollow"/g)).toHaveLength(5);
  });

  it("allows images only from our own public files, and shows the alt text for any other", () => {
    expect(renderNewsMarkdown("![sampul](/api/public/news/abc/cover)")).toContain('<img src="/api/public/news/abc/cover" alt="sampul"');
    expect(renderNewsMarkdown("![foto luar](https://example.org/a.png)")).toBe("<p>foto luar</p>\n");
    expect(renderNewsMarkdown("![naik](/api/public/../news/x)")).not.toContain("<img");
  });

  it("renders ordinary Markdown", () => {
    expect(renderNewsMarkdown("# Judul\n\n**tebal** _miring_\n\n- satu\n- dua")).toBe("<h1>Judul</h1>\n<p><strong>tebal</strong> <em>miring</em></p>\n<ul>\n<li>satu</li>\n<li>dua</li>\n</ul>\n");
  });

  it("judges link targets as a browser reads them", () => {
    for (const ok of ["https://a.example", "HTTP://a.example", "mailto:a@b.c", "/x", "x/y", "#a", "?q=1", "/a:b"]) expect(isSafeLink(ok), ok).toBe(true);
    for (const bad of ["javascript:x", " JavaScript:x", "java%0Ascript:x", "data:x", "file:///etc/passwd", "//evil.example", "\\\\evil.example", "ftp://a"])
      expect(isSafeLink(bad), bad).toBe(false);
  });
});
