import { t } from "../i18n/i18n.ts";
import type { QueuedPhoto } from "../outbox/outbox.store.ts";
import type { ComponentChildren } from "preact";
import type { ReportLocation, ReviseTarget } from "@contract/reports.ts";
import { DraftGate, type DraftTarget } from "../drafts/draft-gate.tsx";
import { draftPayload } from "../drafts/drafts.store.ts";
import { ReportForm } from "./report-form.tsx";
import { FaktaSection, HeaderSection, PendahuluanSection, PendapatSection } from "./situation-sections.tsx";

export interface SituationFormProps {
  initial?: unknown;
  editOf?: string;
  initialPhotos?: QueuedPhoto[];
  /** Set when this form revises a report sent back by a verifier (see revise-view.tsx). */
  revises?: ReviseTarget;
  uploadedPhotos?: readonly string[];
  banner?: ComponentChildren;
}

/**
 * A new Laporan Situasi, from the officer's draft when there is one, a refused one being fixed (`editOf`),
 * or a report sent back for revision (`revises`): those two start from their own content, not a draft.
 */
export function SituationView(props: SituationFormProps) {
  if (props.editOf || props.revises) return <SituationForm {...props} draft={null} />;
  return (
    <DraftGate kind="situation">
      {(draft, target) => (
        <SituationForm initial={draftPayload(draft)} initialPhotos={draft?.photos} draft={target} />
      )}
    </DraftGate>
  );
}

function SituationForm(props: SituationFormProps & { draft: DraftTarget | null }) {
  const loc = (props.initial as { location?: ReportLocation } | undefined)?.location ?? null;
  return (
    <ReportForm
      kind="situation"
      title={t("kind.situation")}
      initial={props.initial ?? null}
      editOf={props.editOf}
      initialLocation={loc}
      autoGps
      withPhotos
      initialPhotos={props.initialPhotos}
      draft={props.draft}
      revises={props.revises}
      uploadedPhotos={props.uploadedPhotos}
      banner={props.banner}
    >
      <HeaderSection />
      <PendahuluanSection />
      <FaktaSection />
      <PendapatSection />
    </ReportForm>
  );
}
