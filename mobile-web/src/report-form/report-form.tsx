import type { ComponentChildren } from "preact";
import { useContext, useEffect, useMemo, useRef } from "preact/hooks";
import { effect, useSignal } from "@preact/signals";
import type { ReportKind, ReportLocation, ReviseTarget } from "@contract/reports.ts";
import { formatWita } from "@kit/wita.ts";
import { AppContext } from "../app/context.ts";
import { createDraftAutosave } from "../drafts/draft-autosave.ts";
import type { DraftTarget } from "../drafts/draft-gate.tsx";
import { dropDraft, saveDraft, type Draft } from "../drafts/drafts.store.ts";
import { locale, t } from "../i18n/i18n.ts";
import { LocationModel } from "../location/location.model.ts";
import { LocationSection } from "../location/location-section.tsx";
import type { QueuedPhoto } from "../outbox/outbox.store.ts";
import { Section } from "../ui/fields.tsx";
import { FormContext, type FormState } from "./form-context.ts";
import { assemble } from "./form-values.ts";
import { newClientId } from "../outbox/client-id.ts";
import { PhotoSection } from "./photo-section.tsx";
import { PhotosModel } from "./photos.model.ts";
import { readFormFields } from "./read-form.ts";
import { AmendmentNotice } from "./amendment-notice.tsx";
import { withRevises } from "./revision.ts";
import { validateReport, type FieldErrors } from "./validation.ts";

export interface ReportFormProps {
  kind: ReportKind;
  title: string;
  /** The payload being edited (a refused report), or defaults for a new one. */
  initial: unknown;
  /** clientId of the refused outbox entry this form replaces. */
  editOf?: string;
  initialLocation: ReportLocation | null;
  /** Start the GPS when the form opens (situation reports: the officer is where it happened). */
  autoGps?: boolean;
  locationNote?: string;
  initialPhotos?: QueuedPhoto[];
  withPhotos?: boolean;
  /** A new report keeps a draft as it is written (see DraftGate); a refused one being fixed does not. */
  draft?: DraftTarget | null;
  /** A situation report sent back for revision: the submission revises it (same report, new revision). */
  revises?: ReviseTarget;
  /** Photos of the report being revised that the server already has: kept, never uploaded again. */
  uploadedPhotos?: readonly string[];
  /** Shown above the sections (the verifier's note on a revision). */
  banner?: ComponentChildren;
  children: ComponentChildren;
}

/**
 * The frame every report form shares: sections given as children, then location and photos, then one
 * save button in thumb reach. Saving validates with the contract, writes to the outbox and goes home —
 * sending happens on its own.
 */
export function ReportForm(props: ReportFormProps) {
  const { sync, router, notice, session } = useContext(AppContext);
  const errors = useSignal<FieldErrors>({});
  const saving = useSignal(false);
  const saveError = useSignal<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const location = useMemo(() => new LocationModel(props.initialLocation), []);
  const photos = useMemo(() => new PhotosModel(props.initialPhotos ?? []), []);
  const formState = useMemo<FormState>(() => ({ initial: props.initial, errors }), []);

  // The draft: what the form holds, captured on every change so it can still be saved while the page
  // is being torn down (a closed tab, the back button).
  const snapshot = useRef<Omit<Draft, "savedAt"> | null>(null);
  const capture = () => {
    const form = formRef.current;
    if (form)
      snapshot.current = {
        fields: assemble(readFormFields(form)),
        location: location.value.value,
        photos: photos.photos.value.map(({ blob, sha256, mime }) => ({ blob, sha256, mime })),
      };
    return snapshot.current!;
  };
  const autosave = useMemo(() => {
    const target = props.draft;
    if (!target) return null;
    // Only while its officer is signed in: a logout drops their drafts, and nothing may write one back
    // afterwards (a pending save, the form unmounting).
    const save = (d: Draft) => (session.user.peek()?.id === target.ownerId ? saveDraft(target.ownerId, target.kind, d) : Promise.resolve());
    return createDraftAutosave({ read: capture, save });
  }, []);
  const changed = () => {
    if (!autosave) return;
    capture();
    autosave.touch();
  };

  useEffect(() => {
    if (props.autoGps && !props.initialLocation) location.startGps();
    const hidden = () => document.visibilityState === "hidden" && void autosave?.flush();
    const leaving = () => void autosave?.flush();
    document.addEventListener("visibilitychange", hidden);
    window.addEventListener("pagehide", leaving);
    // Photos are picked outside the form's input events.
    const stopPhotos = effect(() => {
      void photos.photos.value;
      if (photos.changed.peek()) changed();
    });
    return () => {
      document.removeEventListener("visibilitychange", hidden);
      window.removeEventListener("pagehide", leaving);
      stopPhotos();
      // Whatever was typed last is kept; then this form saves nothing more.
      void autosave?.flush();
      void autosave?.close();
      location.stopGps();
      photos.release();
    };
  }, []);

  async function submit(e: Event) {
    e.preventDefault();
    const form = formRef.current;
    if (!form || saving.value || photos.preparing.value > 0) return;
    const raw = withRevises(
      {
        ...assemble(readFormFields(form)),
        kind: props.kind,
        clientId: newClientId(),
        sentAt: new Date().toISOString(),
        location: location.value.value ?? undefined,
        photos: photos.photos.value.map((p) => p.sha256),
      },
      props.revises,
    );
    const result = validateReport(raw);
    if (!result.ok) {
      errors.value = result.errors;
      saveError.value = t("form.hasErrors", { count: Object.keys(result.errors).length });
      requestAnimationFrame(() => focusFirstError(form));
      return;
    }
    errors.value = {};
    saveError.value = null;
    saving.value = true;
    const view = router.route.value;
    try {
      const kept = new Set(props.uploadedPhotos ?? []);
      const queued = photos.photos.value.map(({ blob, sha256, mime }) => ({ blob, sha256, mime, ...(kept.has(sha256) ? { uploaded: true } : {}) }));
      if (props.editOf) await sync.edit(props.editOf, result.data, photos.changed.value ? queued : undefined);
      else await sync.add(result.data, queued);
      // In the outbox now: the draft has done its job.
      if (autosave && props.draft) await autosave.close().then(() => dropDraft(props.draft!.ownerId, props.draft!.kind));
      notice.value = t("home.saved");
      router.leave(view);
    } catch (err) {
      saveError.value = t("form.saveFailed", { message: err instanceof Error ? err.message : String(err) });
    } finally {
      saving.value = false;
    }
  }

  return (
    <FormContext.Provider value={formState}>
      <form ref={formRef} class="report-form stack" onSubmit={submit} onInput={changed} onChange={changed} noValidate>
        <div class="form-head">
          <button type="button" class="link" onClick={() => router.home()}>
            ← {t("app.back")}
          </button>
          <h1 class="h1">{props.title}</h1>
        </div>
        {props.editOf && <p class="banner banner--warn">{t("form.editing")}</p>}
        {props.banner}
        {props.kind !== "situation" && <AmendmentNotice kind={props.kind} initialPeriod={String((props.initial as { period?: unknown } | null)?.period ?? "")} />}
        {props.draft?.restoredAt && (
          <div class="banner banner--info" data-testid="draft-restored">
            <span>{t("draft.restored", { time: formatWita(props.draft.restoredAt, locale.value) })}</span>
            <button type="button" class="btn btn--small" data-testid="draft-discard" onClick={() => void autosave?.close().then(() => props.draft?.discard())}>
              {t("draft.discard")}
            </button>
          </div>
        )}
        {props.children}
        <Section title="sec.lokasi" open names={["location"]} id="lokasi">
          <LocationSection location={location} note={props.locationNote} />
        </Section>
        {props.withPhotos && (
          <Section title="sec.foto" open names={["photos"]} id="foto">
            <PhotoSection photos={photos} />
          </Section>
        )}
        <div class="save-bar">
          {saveError.value && (
            <p class="error small" role="alert">
              {saveError.value}
            </p>
          )}
          <button type="submit" class="btn btn--primary btn--block btn--big" data-testid="save-report" disabled={saving.value || photos.preparing.value > 0}>
            {saving.value ? t("form.saving") : t("form.save")}
          </button>
        </div>
      </form>
    </FormContext.Provider>
  );
}

/** Unfold the section of the first error and put the cursor there. */
function focusFirstError(form: HTMLFormElement) {
  const target = form.querySelector<HTMLElement>('[aria-invalid="true"], .field--error, .error[role="alert"]');
  const details = target?.closest("details");
  if (details) details.open = true;
  target?.scrollIntoView({ block: "center" });
  (target?.matches("input, select, textarea") ? target : target?.querySelector<HTMLElement>("input, select, textarea, button"))?.focus();
}
