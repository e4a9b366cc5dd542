import { useContext, useMemo } from "preact/hooks";
import type { ReportLocation } from "@contract/reports.ts";
import { AppContext } from "../app/context.ts";
import { t, type MessageKey } from "../i18n/i18n.ts";
import { DraftGate, type DraftTarget } from "../drafts/draft-gate.tsx";
import { draftPayload } from "../drafts/drafts.store.ts";
import { ReportForm } from "../report-form/report-form.tsx";
import { classificationChoices, kerawananChoices } from "../report-form/situation-sections.tsx";
import { ChoiceField, DateTimeField, Section, TextField } from "../ui/fields.tsx";
import { DailyBodySection, MonthlyBodySection, WeeklyBodySection } from "./periodic-bodies.tsx";
import { defaultLocation } from "./default-location.ts";
import { PeriodField } from "./period-field.tsx";
import { defaultPeriod, type PeriodicKind } from "./period.ts";

export interface PeriodicViewProps {
  kind: PeriodicKind;
  initial?: unknown;
  editOf?: string;
}

/**
 * Daily, weekly and monthly reports from the uniform templates. The period defaults to today / this ISO
 * week / this month (WITA); the location to the last GPS fix, else the officer's kecamatan centre.
 */
export function PeriodicView(props: PeriodicViewProps) {
  if (props.editOf) return <PeriodicForm {...props} draft={null} />;
  return (
    <DraftGate kind={props.kind}>
      {(draft, target) => <PeriodicForm kind={props.kind} initial={draftPayload(draft)} draft={target} />}
    </DraftGate>
  );
}

function PeriodicForm({ kind, initial, editOf, draft }: PeriodicViewProps & { draft: DraftTarget | null }) {
  const { session, regions } = useContext(AppContext);
  const kindLabel = t(`kind.${kind}` as MessageKey);
  const period = defaultPeriod(kind, Date.now());
  const start = useMemo(() => {
    const given = (initial as { location?: ReportLocation } | undefined)?.location;
    if (given) return { location: given, note: undefined };
    const found = defaultLocation(session.user.value?.kecamatanKode ?? null, regions.kecamatan.peek());
    return { location: found?.location ?? null, note: found ? t("loc.default", { source: t(found.from === "gps" ? "loc.lastFix" : "loc.centroid") }) : undefined };
  }, []);
  const defaults = initial ?? { perihal: t("per.perihal", { kind: kindLabel, period }), period, kerawanan: "rendah", classification: "biasa" };

  return (
    <ReportForm kind={kind} title={kindLabel} initial={defaults} editOf={editOf} initialLocation={start.location} locationNote={start.note} draft={draft}>
      <Section title="sec.header" open names={["perihal", "period", "occurredAt", "classification", "kerawanan"]} id="header">
        <PeriodField kind={kind} />
        <TextField name="perihal" label="f.perihal" required maxLength={200} />
        <ChoiceField name="kerawanan" label="f.kerawanan" required choices={kerawananChoices()} />
        <ChoiceField name="classification" label="f.classification" choices={classificationChoices()} />
        <DateTimeField name="occurredAt" label="f.occurredAt" required defaultNow />
      </Section>
      {kind === "daily" && <DailyBodySection />}
      {kind === "weekly" && <WeeklyBodySection />}
      {kind === "monthly" && <MonthlyBodySection />}
    </ReportForm>
  );
}
