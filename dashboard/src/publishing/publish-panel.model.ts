import { computed, createModel, signal } from "@preact/signals";
import type { PublicationResult, PublicDraft } from "@contract/public-reports.ts";
import type { Http } from "@kit/http.ts";
import { formOfDraft, previewCard, publishedCard, publishInput, type PublishForm } from "./public-preview.ts";

const staffPhotoUrl = (reportId: string) => (sha256: string) => `/api/reports/${encodeURIComponent(reportId)}/photos/${sha256}`;

/**
 * The publish panel of one report: the server's draft of the public shape, the verifier's edits of it, a
 * preview of what the public will see, and publishing or withdrawing. The report page reloads the report
 * itself when the decision's `report:updated` arrives; this model reloads the draft when told the
 * report's version changed.
 */
export const PublishPanelModel = createModel((http: Http) => {
  const draft = signal<PublicDraft | null>(null);
  const form = signal<PublishForm>({ title: "", summary: "", generalization: "desa", photos: [] });
  const busy = signal(false);
  const error = signal<unknown>(null);
  let loadedFor: { id: string; version: number } | null = null;

  /** What the public will see if published now, or — once published — what it sees. */
  const card = computed(() => {
    const d = draft.value;
    if (!d) return null;
    return d.published ? publishedCard(d.published) : previewCard(d, form.value, staffPhotoUrl(d.reportId));
  });

  async function load(reportId: string, version: number) {
    if (loadedFor?.id === reportId && loadedFor.version === version) return;
    loadedFor = { id: reportId, version };
    try {
      const { data } = await http.call("GET /api/reports/:id/public-draft", { params: { id: reportId } });
      if (loadedFor?.id !== reportId) return;
      // Edits in progress survive a reload for the same report (a photo arrived); a new report starts afresh.
      if (draft.value?.reportId !== reportId) form.value = formOfDraft(data);
      draft.value = data;
      error.value = null;
    } catch (err) {
      if (loadedFor?.id === reportId) error.value = err;
    }
  }

  /** Run a decision, then read the draft again: it says what the public sees now and the report's version. */
  async function decide(run: (d: PublicDraft) => Promise<{ data: PublicationResult }>): Promise<boolean> {
    const d = draft.value;
    if (!d || busy.value) return false;
    busy.value = true;
    error.value = null;
    try {
      const { data } = await run(d);
      draft.value = { ...d, published: data.published };
      loadedFor = null;
      await load(d.reportId, data.report.version);
      return true;
    } catch (err) {
      error.value = err;
      return false;
    } finally {
      busy.value = false;
    }
  }

  return {
    draft,
    form,
    busy,
    error,
    card,
    load,
    edit: (patch: Partial<PublishForm>) => (form.value = { ...form.value, ...patch }),
    togglePhoto(sha256: string) {
      const photos = form.value.photos;
      form.value = { ...form.value, photos: photos.includes(sha256) ? photos.filter((p) => p !== sha256) : [...photos, sha256] };
    },
    publish: () => decide((d) => http.call("POST /api/reports/:id/publish", { params: { id: d.reportId }, body: publishInput(d, form.value) })),
    unpublish: (note: string) => decide((d) => http.call("POST /api/reports/:id/unpublish", { params: { id: d.reportId }, body: { version: d.version, note: note.trim() } })),
    /** Forget the report (the page closed). */
    close() {
      loadedFor = null;
      draft.value = null;
      error.value = null;
    },
  };
});
