import "./news.css";
import { useEffect } from "preact/hooks";
import type { NewsListItem } from "@contract/news.ts";
import { formatStamp } from "@kit/wita.ts";
import { errorText, locale } from "../i18n/i18n.ts";
import { PageNotices, useNotice } from "../ui/notice.tsx";
import { Table } from "../ui/Table.tsx";
import { nt } from "./messages.ts";
import { newsAdmin } from "./models.ts";
import { NewsEditor } from "./NewsEditor.tsx";

/** Admins' news desk (`/admin/news`): every item whatever its status, and the editor. */
export function NewsAdminPage() {
  const m = newsAdmin;
  const { notice, run } = useNotice();
  useEffect(() => void m.load(), []);

  const unpublish = (item: NewsListItem) => run(() => m.unpublish(item), nt("news.unpublished"));
  const remove = (item: NewsListItem) => {
    if (confirm(nt("news.delete.confirm", { title: item.title }))) void run(() => m.remove(item), nt("news.deleted"));
  };

  return (
    <div class="page" data-testid="news-admin-page">
      <h1>{nt("news.admin.title")}</h1>
      <PageNotices notice={notice.value} testId="news-notice" loadError={m.loadError.value} />
      {m.editing.value ? (
        <NewsEditor run={run} />
      ) : (
        <button type="button" class="button" data-testid="news-new" onClick={() => m.startNew()}>
          {nt("news.new")}
        </button>
      )}
      <Table columns={[nt("news.col.title"), nt("news.col.status"), nt("news.col.publishAt"), nt("news.col.updatedAt"), ""]} testId="news-list">
        {m.items.value.length === 0 ? (
          <tr>
            <td colSpan={5}>{nt("news.empty")}</td>
          </tr>
        ) : null}
        {m.items.value.map((n) => (
          <tr key={n.id} data-testid="news-row" data-status={n.status}>
            <td>{n.title}</td>
            <td>
              <span class={`news-status news-status-${n.status}`}>{nt(`news.status.${n.status}`)}</span>
            </td>
            <td class="nowrap">{formatStamp(n.publishAt, locale.value, undefined, true)}</td>
            <td class="nowrap">{formatStamp(n.updatedAt, locale.value)}</td>
            <td class="nowrap">
              <button type="button" class="button-quiet" data-testid="news-edit" onClick={() => void m.open(n.id).catch((err: unknown) => (notice.value = { kind: "error", text: errorText(err) }))}>
                {nt("news.edit")}
              </button>{" "}
              {n.status !== "draft" ? (
                <button type="button" class="button-quiet" data-testid="news-unpublish" onClick={() => void unpublish(n)}>
                  {nt("news.unpublish")}
                </button>
              ) : null}{" "}
              <button type="button" class="button-quiet" data-testid="news-delete" onClick={() => remove(n)}>
                {nt("news.delete")}
              </button>
            </td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
