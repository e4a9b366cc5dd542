import "./news.css";
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { PublicNewsItem } from "@contract/news.ts";
import { api } from "../api/client.ts";
import { Link } from "../app/Link.tsx";
import { locale } from "../i18n/i18n.ts";
import { nt } from "./messages.ts";
import { publishedWords } from "./news-date.ts";

const PAGE = 10;

/** The public news list (`/berita`), newest first, a page at a time; no login. */
export function PublicNewsPage() {
  const items = useSignal<readonly PublicNewsItem[]>([]);
  const next = useSignal<string | null>(null);
  const state = useSignal<"loading" | "shown" | "error">("loading");

  const load = async (cursor?: string) => {
    const res = await api.send("GET /api/public/news", { query: { limit: PAGE, ...(cursor ? { cursor } : {}) } });
    if (!res.ok) return void (state.value = "error");
    items.value = cursor ? [...items.value, ...res.data.data] : res.data.data;
    next.value = res.data.page.next;
    state.value = "shown";
  };
  useEffect(() => void load(), []);

  return (
    <div class="page page-narrow news-public" data-testid="public-news-page">
      <h1>{nt("news.title")}</h1>
      {state.value === "error" ? <p role="alert">{nt("news.loadFailed")}</p> : null}
      {state.value === "shown" && items.value.length === 0 ? <p>{nt("news.public.empty")}</p> : null}
      <ul class="news-cards">
        {items.value.map((n) => (
          <li key={n.id} class="news-card" data-testid="public-news-item">
            {n.cover ? <img src={n.cover.url} alt="" width={n.cover.width} height={n.cover.height} loading="lazy" class="news-card-cover" /> : null}
            <div>
              <h2>
                <Link href={`/berita/${n.slug}`} data-testid="public-news-link">
                  {n.title}
                </Link>
              </h2>
              <p class="news-date">{nt("news.published", { date: publishedWords(n.publishedAt, locale.value) })}</p>
              {n.summary ? <p>{n.summary}</p> : null}
            </div>
          </li>
        ))}
      </ul>
      {next.value ? (
        <button type="button" class="button-quiet" data-testid="public-news-more" onClick={() => void load(next.value!)}>
          {nt("news.more")}
        </button>
      ) : null}
    </div>
  );
}
