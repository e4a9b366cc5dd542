import "./news.css";
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { PublicNewsArticle } from "@contract/news.ts";
import { api } from "../api/client.ts";
import { Link } from "../app/Link.tsx";
import type { PageProps } from "../app/lazy-page.tsx";
import { locale } from "../i18n/i18n.ts";
import { nt } from "./messages.ts";
import { publishedWords } from "./news-date.ts";

type State = { kind: "loading" } | { kind: "shown"; article: PublicNewsArticle } | { kind: "missing" } | { kind: "error" };

/** One article at its shareable address (`/berita/:slug`); no login. */
export function NewsArticlePage({ params }: PageProps) {
  const slug = params.slug ?? "";
  const state = useSignal<State>({ kind: "loading" });
  const copied = useSignal(false);

  useEffect(() => {
    let gone = false;
    state.value = { kind: "loading" };
    void api.send("GET /api/public/news/:slug", { params: { slug } }).then((res) => {
      if (gone) return;
      if (res.ok) state.value = { kind: "shown", article: res.data.data };
      else state.value = res.status === 404 || res.status === 400 ? { kind: "missing" } : { kind: "error" };
    });
    return () => void (gone = true);
  }, [slug]);

  useEffect(() => {
    const s = state.value;
    if (s.kind === "shown") document.title = `${s.article.title} · SIKANDA`;
  }, [state.value]);

  const share = async () => {
    await navigator.clipboard?.writeText(location.href).catch(() => undefined);
    copied.value = true;
  };

  const s = state.value;
  return (
    <div class="page page-narrow news-public" data-testid="news-article-page">
      <p>
        <Link href="/berita">{nt("news.back")}</Link>
      </p>
      {s.kind === "missing" ? <p role="alert">{nt("news.notFound")}</p> : null}
      {s.kind === "error" ? <p role="alert">{nt("news.loadFailed")}</p> : null}
      {s.kind === "shown" ? (
        <article class="news-article">
          <h1 data-testid="news-article-title">{s.article.title}</h1>
          <p class="news-date">
            {nt("news.published", { date: publishedWords(s.article.publishedAt, locale.value) })}{" "}
            <button type="button" class="button-quiet" onClick={() => void share()}>
              {copied.value ? nt("news.shared") : nt("news.share")}
            </button>
          </p>
          {s.article.cover ? (
            <img src={s.article.cover.url} alt="" width={s.article.cover.width} height={s.article.cover.height} class="news-article-cover" data-testid="news-article-cover" />
          ) : null}
          {s.article.summary ? <p class="news-lead">{s.article.summary}</p> : null}
          {/* Safe: bodyHtml comes from the server's Markdown renderer (server/news/markdown.ts: no raw HTML,
              no script, only http(s)/mailto/relative links, images only from /api/public/), never from input as is. */}
          <div class="news-body" data-testid="news-article-body" dangerouslySetInnerHTML={{ __html: s.article.bodyHtml }} />
        </article>
      ) : null}
    </div>
  );
}
