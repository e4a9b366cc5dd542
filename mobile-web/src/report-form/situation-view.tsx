import { t } from "../i18n/i18n.ts";
import type { QueuedPhoto } from "../outbox/outbox.store.ts";
import type { ReportLocation } from "@contract/reports.ts";
import { ReportForm } from "./report-form.tsx";
import { FaktaSection, HeaderSection, PendahuluanSection, PendapatSection } from "./situation-sections.tsx";

export interface SituationFormProps {
  initial?: unknown;
  editOf?: string;
  initialPhotos?: QueuedPhoto[];
}

/** A new Laporan Situasi (or a refused one being fixed, when `editOf` is set). */
export function SituationView(props: SituationFormProps) {
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
    >
      <HeaderSection />
      <PendahuluanSection />
      <FaktaSection />
      <PendapatSection />
    </ReportForm>
  );
}
