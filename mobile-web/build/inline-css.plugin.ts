import type { Plugin } from "vite";

/**
 * Writes the app's stylesheet into index.html instead of linking it: on a slow first visit a linked
 * stylesheet is one more round trip before anything can paint, and the page's static login form
 * (index.html) is meant to be usable as soon as the page itself has arrived. The CSP allows inline
 * styles already (Leaflet needs them). The file stays in the build for the service worker's precache.
 */
export function inlineCss(): Plugin {
  return {
    name: "sikanda-inline-css",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        return html.replace(/<link rel="stylesheet"(?: crossorigin)? href="([^"]+\.css)">/g, (link, href: string) => {
          const file = Object.values(ctx.bundle ?? {}).find((f) => f.type === "asset" && href.endsWith(`/${f.fileName}`));
          if (!file || file.type !== "asset") return link;
          const css = typeof file.source === "string" ? file.source : new TextDecoder().decode(file.source);
          return `<style>${css.replace(/<\/style/gi, "<\\/style")}</style>`;
        });
      },
    },
  };
}
