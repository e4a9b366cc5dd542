import { useEffect, useState } from "preact/hooks";
import type { PublicNewsItem } from "@contract/news.ts";
import { Link } from "../app/Link.tsx";
import { lang } from "../i18n/i18n.ts";

/**
 * The three latest news items, for the public map page (`/`). Made to sit in the entry bundle: a plain
 * fetch and type-only imports (no zod, no contract code, no news chunk), two words of its own text.
 * Shows nothing until they arrive, and nothing when there are none or the request fails.
 */
export function NewsTeaser() {
  const [items, setItems] = useState<PublicNewsItem[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/public/news?limit=3", { signal: controller.signal, headers: { Accept: "application/json" } })
      .then((res) => (res.ok ? (res.json() as Promise<{ data: PublicNewsItem[] }>) : { data: [] }))
      .then((body) => setItems(body.data ?? []))
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  if (!items.length) return null;
  const en = lang.value === "en";
  return (
    <section class="news-teaser" aria-label={en ? "News" : "Berita"} data-testid="news-teaser">
      <h2>{en ? "Latest news" : "Berita terbaru"}</h2>
      <ul>
        {items.map((n) => (
          <li key={n.id}>
            <Link href={`/berita/${n.slug}`}>{n.title}</Link>
          </li>
        ))}
      </ul>
      <Link href="/berita">{en ? "All news" : "Semua berita"}</Link>
    </section>
  );
}
