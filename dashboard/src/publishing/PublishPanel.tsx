import "./publishing.css";
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { PUBLIC_LIMITS } from "@contract/public-reports.ts";
import type { ReportDetail } from "@contract/report-detail.ts";
import { formatStamp } from "@kit/wita.ts";
import { errorText, fieldErrors, locale } from "../i18n/i18n.ts";
import { Field } from "../ui/TextField.tsx";
import { tx } from "./messages.ts";
import { publishPanel as model } from "./models.ts";
import { PublicCard } from "./PublicCard.tsx";

const photoUrl = (reportId: string, sha256: string) => `/api/reports/${encodeURIComponent(reportId)}/photos/${sha256}`;

/**
 * Publishing on the report page (verifiers of its kecamatan, admins), for verified and published reports:
 * the public title and summary drafted by the server and edited here, where the point is shown, which
 * photos, a preview of exactly what the public will see, then Publish. A published report shows what the
 * public sees now and how to withdraw it, with a reason.
 */
export function PublishPanel({ report, timeZone }: { report: ReportDetail; timeZone?: string }) {
  useEffect(() => {
    void model.load(report.id, report.version);
  }, [report.id, report.version]);
  useEffect(() => () => model.close(), [report.id]);

  const draft = model.draft.value;
  const error = model.error.value;
  if (!draft || draft.reportId !== report.id) return error ? <p class="field-error" role="alert">{errorText(error)}</p> : null;

  return (
    <section class="li-section publish-panel" data-testid="publish-panel" data-published={draft.published ? "true" : "false"}>
      <h3>{tx("publish.heading")}</h3>
      {draft.published ? (
        <Published at={formatStamp(draft.published.publishedAt, locale.value, timeZone, true)} />
      ) : draft.blocker ? (
        <p class="muted" data-testid="publish-blocked">
          {tx(`publish.blocker.${draft.blocker}`)}
        </p>
      ) : (
        <PublishForm reportId={report.id} />
      )}
      {error ? (
        <p class="field-error" role="alert" data-testid="publish-error">
          {errorText(error)}
        </p>
      ) : null}
    </section>
  );
}

/** The public shape being prepared, its preview, and Publish. */
function PublishForm({ reportId }: { reportId: string }) {
  const draft = model.draft.value!;
  const form = model.form.value;
  const fields = fieldErrors(model.error.value);
  const { desa, kecamatan } = draft.places;
  return (
    <form
      class="publish-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void model.publish();
      }}
    >
      <p class="muted">{tx("publish.intro")}</p>
      <Field label={tx("publish.title")} name="publish-title" error={fields.title}>
        <input id="f-publish-title" value={form.title} maxLength={PUBLIC_LIMITS.titleMax} onInput={(e) => model.edit({ title: e.currentTarget.value })} data-testid="publish-title" />
      </Field>
      <Field label={tx("publish.summary")} name="publish-summary" hint={tx("publish.draftHint")} error={fields.summary}>
        <textarea id="f-publish-summary" rows={5} value={form.summary} maxLength={PUBLIC_LIMITS.summaryMax} onInput={(e) => model.edit({ summary: e.currentTarget.value })} data-testid="publish-summary" />
      </Field>
      <fieldset class="publish-choice">
        <legend>{tx("publish.generalization")}</legend>
        {desa?.desa ? (
          <label>
            <input type="radio" name="generalization" checked={form.generalization === "desa"} onChange={() => model.edit({ generalization: "desa" })} data-testid="publish-desa" />{" "}
            {tx("publish.generalization.desa", { name: desa.desa.nama })}
          </label>
        ) : (
          <p class="muted">{tx("publish.noDesa")}</p>
        )}
        <label>
          <input type="radio" name="generalization" checked={form.generalization === "kecamatan" || !desa} onChange={() => model.edit({ generalization: "kecamatan" })} data-testid="publish-kecamatan" />{" "}
          {tx("publish.generalization.kecamatan", { name: kecamatan.kecamatan.nama })}
        </label>
      </fieldset>
      <fieldset class="publish-choice">
        <legend>{tx("publish.photos")}</legend>
        {draft.photos.length ? (
          <ul class="publish-photos">
            {draft.photos.map((sha, i) => (
              <li key={sha}>
                <label>
                  <input type="checkbox" checked={form.photos.includes(sha)} onChange={() => model.togglePhoto(sha)} data-testid="publish-photo" />
                  <img src={photoUrl(reportId, sha)} alt={tx("publish.photo", { n: String(i + 1) })} loading="lazy" />
                </label>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{tx("publish.noPhotos")}</p>
        )}
        <small class="field-hint">{tx("publish.photosHint")}</small>
      </fieldset>
      <h4>{tx("publish.preview")}</h4>
      {model.card.value ? <PublicCard card={model.card.value} /> : null}
      <button type="submit" class="button" disabled={model.busy.value || !form.title.trim() || !form.summary.trim()} data-testid="publish-submit">
        {model.busy.value ? tx("publish.publishing") : tx("publish.publish")}
      </button>
    </form>
  );
}

/** What the public sees now, and withdrawing it with a reason. */
function Published({ at }: { at: string }) {
  const note = useSignal("");
  return (
    <div class="publish-live">
      <p>
        <strong>{tx("publish.published", { at })}</strong>
      </p>
      <h4>{tx("publish.publicSees")}</h4>
      {model.card.value ? <PublicCard card={model.card.value} /> : null}
      <details>
        <summary>{tx("publish.unpublish")}</summary>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void model.unpublish(note.value).then((done) => done && (note.value = ""));
          }}
        >
          <Field label={tx("publish.unpublishNote")} name="unpublish-note" error={fieldErrors(model.error.value).note}>
            <textarea id="f-unpublish-note" rows={3} maxLength={PUBLIC_LIMITS.unpublishNoteMax} value={note.value} onInput={(e) => (note.value = e.currentTarget.value)} data-testid="unpublish-note" />
          </Field>
          <button type="submit" class="button-quiet" disabled={model.busy.value || !note.value.trim()} data-testid="unpublish-submit">
            {tx("publish.unpublishConfirm")}
          </button>
        </form>
      </details>
    </div>
  );
}
