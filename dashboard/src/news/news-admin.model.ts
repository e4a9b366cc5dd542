import { createModel, signal } from "@preact/signals";
import type { NewsListItem, NewsStatus, NewsView } from "@contract/news.ts";
import type { Http } from "@kit/http.ts";
import { apiErrorOf } from "@kit/api-error.ts";
import { fromWitaLocalInput, toWitaLocalInput } from "@kit/wita.ts";

/** What the editor's fields hold; `publishAt` is a `datetime-local` value in WITA wall time. */
export interface NewsDraft {
  title: string;
  summary: string;
  body: string;
  status: NewsStatus;
  publishAt: string;
}

export const EMPTY_DRAFT: NewsDraft = { title: "", summary: "", body: "", status: "draft", publishAt: "" };

export const draftOf = (n: NewsView): NewsDraft => ({
  title: n.title,
  summary: n.summary ?? "",
  body: n.body,
  status: n.status,
  publishAt: n.publishAt ? toWitaLocalInput(Date.parse(n.publishAt)) : "",
});

/**
 * The fields a save sends. A published item without a time is published now (or keeps its first
 * publication date); a draft or schedule sends its time as it is, empty meaning none.
 */
export function saveFields(d: NewsDraft) {
  const at = fromWitaLocalInput(d.publishAt);
  return {
    title: d.title,
    summary: d.summary.trim() ? d.summary : null,
    body: d.body,
    status: d.status,
    ...(d.status === "published" ? (at ? { publishAt: at } : {}) : { publishAt: at }),
  };
}

/** How long the editor waits after the last keystroke before asking the server for a preview. */
const PREVIEW_DELAY_MS = 300;

/**
 * The admins' news desk: the list, the item being edited (or a new one), its live preview rendered by the
 * server's own safe renderer, and the cover upload. `upload` sends raw bytes (the typed client sends JSON).
 */
export const NewsAdminModel = createModel((http: Http, upload: (url: string, file: Blob) => Promise<Response> = defaultUpload) => {
  const items = signal<readonly NewsListItem[]>([]);
  const loadError = signal<unknown>(null);
  /** The saved item being edited; null for a new one (see `editing`). */
  const current = signal<NewsView | null>(null);
  const editing = signal(false);
  const draft = signal<NewsDraft>(EMPTY_DRAFT);
  const previewHtml = signal("");
  let previewTimer: ReturnType<typeof setTimeout> | undefined;
  let previewSeq = 0;

  async function load() {
    try {
      items.value = (await http.call("GET /api/news", { query: { limit: 50 } })).data;
      loadError.value = null;
    } catch (err) {
      loadError.value = err;
    }
  }

  function preview(body: string) {
    clearTimeout(previewTimer);
    const seq = ++previewSeq;
    if (!body.trim()) return void (previewHtml.value = "");
    previewTimer = setTimeout(() => {
      // Only the answer to the latest keystroke is shown: an older one arriving late must not win.
      void http.send("POST /api/news/preview", { body: { body } }).then((res) => seq === previewSeq && res.ok && (previewHtml.value = res.data.data.html));
    }, PREVIEW_DELAY_MS);
  }

  function show(item: NewsView) {
    current.value = item;
    draft.value = draftOf(item);
    previewHtml.value = item.bodyHtml;
    editing.value = true;
  }

  return {
    items,
    loadError,
    current,
    editing,
    draft,
    previewHtml,
    load,

    startNew() {
      current.value = null;
      draft.value = EMPTY_DRAFT;
      previewHtml.value = "";
      editing.value = true;
    },

    async open(id: string) {
      show((await http.call("GET /api/news/:id", { params: { id } })).data);
    },

    close() {
      editing.value = false;
      current.value = null;
    },

    edit(patch: Partial<NewsDraft>) {
      draft.value = { ...draft.value, ...patch };
      if (patch.body !== undefined) preview(patch.body);
    },

    /** Save the draft; the saved item stays open (a new one gets its id, so a cover can follow). */
    async save() {
      const item = current.value;
      const fields = saveFields(draft.value);
      const saved = item
        ? (await http.call("PATCH /api/news/:id", { params: { id: item.id }, body: { ...fields, version: item.version } })).data
        : (await http.call("POST /api/news", { body: fields })).data;
      show(saved);
      void load();
      return saved;
    },

    async unpublish(item: NewsListItem) {
      await http.call("PATCH /api/news/:id", { params: { id: item.id }, body: { version: item.version, status: "draft" } });
      await load();
    },

    async remove(item: NewsListItem) {
      await http.call("DELETE /api/news/:id", { params: { id: item.id } });
      if (current.value?.id === item.id) editing.value = false;
      await load();
    },

    async uploadCover(file: Blob) {
      const item = current.value;
      if (!item) return;
      const res = await upload(`/api/news/${item.id}/cover`, file);
      const body = (await res.json().catch(() => null)) as { data?: NewsView } | null;
      if (!res.ok || !body?.data) throw apiErrorOf(res.status, body);
      // The cover and the new version; what is typed in the editor and not saved yet stays as it is.
      current.value = body.data;
      void load();
    },
  };
});

export type NewsAdminModel = InstanceType<typeof NewsAdminModel>;

function defaultUpload(url: string, file: Blob): Promise<Response> {
  return fetch(url, { method: "PUT", credentials: "same-origin", headers: { "Content-Type": file.type || "application/octet-stream" }, body: file });
}
