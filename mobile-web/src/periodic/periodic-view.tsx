import { useContext, useMemo } from "preact/hooks";
import { periodicTitle, periodLabel } from "@contract/period-titles.ts";
import type { ReportLocation } from "@contract/reports.ts";
import { AppContext } from "../app/context.ts";
import { t, type MessageKey } from "../i18n/i18n.ts";
import { DraftGate, type DraftTarget } from "../drafts/draft-gate.tsx";
import { draftPayload } from "../drafts/drafts.store.ts";
import { dutyLines, owedPeriod } from "../duties/duty-reminders.ts";
import { myDuties } from "../duties/duties.model.ts";
import { ReportForm } from "../report-form/report-form.tsx";
import { classificationChoices } from "../report-form/situation-sections.tsx";
import { ChoiceField, Section, TextField } from "../ui/fields.tsx";
import { DailyBodySection, MonthlyBodySection, WeeklyBodySection } from "./periodic-bodies.tsx";
import { defaultLocation } from "./default-location.ts";
import { tx } from "./messages.ts";
import { PeriodField } from "./period-field.tsx";
import type { PeriodicKind } from "./period.ts";
import { PeriodicStampFields } from "./periodic-stamp-fields.tsx";
import { ServerDraftGate, type ServerDraft } from "./server-draft-gate.tsx";

export interface PeriodicViewProps {
  kind: PeriodicKind;
  initial?: unknown;
  editOf?: string;
}

/**
 * Daily, weekly and monthly reports from the uniform templates. The officer's own draft on this phone
 * wins; else a weekly or monthly report opens on the server's draft compiled from their reports of the
 * period (offline: empty, saying so). The period defaults to the one the home screen says is owed (on a
 * Monday morning, last week), else today / this ISO week / this month (WITA); the location to the last
 * GPS fix, else the officer's kecamatan centre.
 */
export function PeriodicView(props: PeriodicViewProps) {
  const { sync, myReports } = useContext(AppContext);
  const period = useMemo(() => {
    const now = Date.now();
    return owedPeriod(props.kind, dutyLines(now, myDuties.known.peek(), sync.status.mine.peek(), myReports.reports.peek()), now);
  }, []);
  if (props.editOf) return <PeriodicForm {...props} period={period} draft={null} />;
  const kind = props.kind;
  return (
    <DraftGate kind={kind}>
      {(draft, target) =>
        draft || kind === "daily" ? (
          <PeriodicForm kind={kind} initial={draftPayload(draft)} period={period} draft={target} />
        ) : (
          <ServerDraftGate kind={kind} period={period}>
            {(server, recompile) => <PeriodicForm kind={kind} period={server.status === "ready" ? server.draft.period : period} draft={target} server={server} onRecompile={recompile} />}
          </ServerDraftGate>
        )
      }
    </DraftGate>
  );
}

interface FormProps extends PeriodicViewProps {
  period: string;
  draft: DraftTarget | null;
  server?: ServerDraft;
  onRecompile?: (period: string) => void;
}

function PeriodicForm({ kind, initial, editOf, draft, period: owed, server, onRecompile }: FormProps) {
  const { session, regions } = useContext(AppContext);
  const start = useMemo(() => {
    const given = (initial as { location?: ReportLocation } | undefined)?.location;
    if (given) return { location: given, note: undefined };
    const found = defaultLocation(session.user.value?.kecamatanKode ?? null, regions.kecamatan.peek());
    return { location: found?.location ?? null, note: found ? t("loc.default", { source: t(found.from === "gps" ? "loc.lastFix" : "loc.centroid") }) : undefined };
  }, []);
  const compiled = server?.status === "ready" ? server.draft : null;
  const defaults = initial ?? { perihal: periodicTitle(kind, owed), period: owed, classification: "biasa", ...(compiled ? { body: compiled.body } : {}) };
  const period = String((defaults as { period?: unknown }).period ?? owed);

  return (
    <ReportForm
      kind={kind}
      title={periodicTitle(kind, period)}
      initial={defaults}
      editOf={editOf}
      initialLocation={start.location}
      locationNote={start.note}
      draft={draft}
      banner={<DraftNote server={server} />}
    >
      {/* No incident time or kerawanan to ask: they belong to situation reports (see periodic-stamp.ts). */}
      <Section title="sec.header" open names={["perihal", "period", "occurredAt", "classification", "kerawanan"]} id="header">
        <PeriodField kind={kind} />
        <TextField name="perihal" label="f.perihal" required maxLength={200} />
        <ChoiceField name="classification" label="f.classification" choices={classificationChoices()} />
        <PeriodicStampFields kind={kind} initialPeriod={period} draft={compiled} onRecompile={onRecompile} />
      </Section>
      {kind === "daily" && <DailyBodySection />}
      {kind === "weekly" && <WeeklyBodySection />}
      {kind === "monthly" && <MonthlyBodySection />}
    </ReportForm>
  );
}

/** Where the form's contents came from: the server's draft (with its counts), or why there is none. */
function DraftNote({ server }: { server?: ServerDraft }) {
  if (!server || server.status === "skipped") return null;
  if (server.status === "unavailable")
    return (
      <p class="banner banner--warn" data-testid="server-draft" data-status="unavailable">
        {tx("draft.unavailable")}
      </p>
    );
  const d = server.draft;
  return (
    <div class="banner banner--info" data-testid="server-draft" data-status="ready" data-situations={d.situations} data-dailies={d.dailies}>
      <p>{tx("draft.compiled", { situations: d.situations, dailies: d.dailies, range: periodLabel(d.kind, d.period) })}</p>
      {d.highestKerawanan && <p class="small">{tx("draft.highest", { level: t(`f.kerawanan.${d.highestKerawanan}` as MessageKey) })}</p>}
    </div>
  );
}
