import { useSignal } from "@preact/signals";
import { NEWS_LIMITS, NewsStatus } from "@contract/news.ts";
import type { RunAction } from "../ui/notice.tsx";
import { nt } from "./messages.ts";
import { newsAdmin } from "./models.ts";

/**
 * The editor: title, summary, Markdown body with a live preview, status and time, cover. The preview is
 * HTML from the server's safe renderer (POST /api/news/preview, the same one a save uses), so it is put
 * into the page as HTML: it holds no script, no handler attribute and no javascript: link.
 */
export function NewsEditor({ run }: { run: RunAction }) {
  const m = newsAdmin;
  const d = m.draft.value;
  const item = m.current.value;
  const localCover = useSignal<string | null>(null);

  const save = async (e: Event) => {
    e.preventDefault();
    await run(() => m.save(), nt("news.saved", { title: d.title.trim() }));
  };
  const pickCover = async (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    // Shown at once from the file itself; replaced by the server's re-encoded copy once uploaded.
    if (localCover.value) URL.revokeObjectURL(localCover.value);
    localCover.value = URL.createObjectURL(file);
    if (await run(() => m.uploadCover(file), nt("news.cover.uploaded"))) {
      URL.revokeObjectURL(localCover.value);
      localCover.value = null;
    }
  };
  const coverSrc = localCover.value ?? item?.cover?.url ?? null;

  return (
    <form class="news-editor" onSubmit={(e) => void save(e)} data-testid="news-editor">
      <div class="news-editor-fields">
        <label>
          {nt("news.field.title")}
          <input value={d.title} maxLength={NEWS_LIMITS.titleMax} required onInput={(e) => m.edit({ title: e.currentTarget.value })} data-testid="news-title" />
        </label>
        {item ? (
          <p class="news-slug">
            {nt("news.field.slug")}: <a href={`/berita/${item.slug}`}>/berita/{item.slug}</a>
          </p>
        ) : null}
        <label>
          {nt("news.field.summary")}
          <textarea rows={2} maxLength={NEWS_LIMITS.summaryMax} value={d.summary} onInput={(e) => m.edit({ summary: e.currentTarget.value })} data-testid="news-summary" />
        </label>
        <label>
          {nt("news.field.body")}
          <textarea rows={14} maxLength={NEWS_LIMITS.bodyMax} value={d.body} onInput={(e) => m.edit({ body: e.currentTarget.value })} data-testid="news-body" />
        </label>
        <p class="hint">{nt("news.field.body.hint")}</p>
        <div class="news-editor-row">
          <label>
            {nt("news.field.status")}
            <select value={d.status} onChange={(e) => m.edit({ status: e.currentTarget.value as NewsStatus })} data-testid="news-status">
              {NewsStatus.options.map((s) => (
                <option key={s} value={s}>
                  {nt(`news.status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {nt("news.field.publishAt")}
            <input type="datetime-local" value={d.publishAt} required={d.status === "scheduled"} onInput={(e) => m.edit({ publishAt: e.currentTarget.value })} data-testid="news-publish-at" />
          </label>
        </div>
        <fieldset class="news-cover">
          <legend>{nt("news.field.cover")}</legend>
          {coverSrc ? <img src={coverSrc} alt="" class="news-cover-preview" data-testid="news-cover-preview" /> : null}
          {item ? (
            <input type="file" accept="image/jpeg,image/png,image/webp" onChange={(e) => void pickCover(e)} data-testid="news-cover-input" aria-label={nt("news.cover.upload")} />
          ) : (
            <p class="hint">{nt("news.cover.saveFirst")}</p>
          )}
        </fieldset>
        <button type="submit" class="button" data-testid="news-save" disabled={!d.title.trim()}>
          {nt("news.save")}
        </button>{" "}
        <button type="button" class="button-quiet" onClick={() => m.close()}>
          {nt("news.cancel")}
        </button>
      </div>
      <section class="news-preview" aria-label={nt("news.preview")}>
        <h2>{nt("news.preview")}</h2>
        {m.previewHtml.value ? (
          // Safe: produced by the server's Markdown renderer (server/news/markdown.ts), never by this page.
          <div class="news-body" data-testid="news-preview" dangerouslySetInnerHTML={{ __html: m.previewHtml.value }} />
        ) : (
          <p class="hint">{nt("news.preview.empty")}</p>
        )}
      </section>
    </form>
  );
}
