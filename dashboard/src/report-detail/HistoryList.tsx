import type { ReportHistoryEntry } from "@contract/report-detail.ts";
import { formatStamp } from "@kit/wita.ts";
import { locale, t } from "../i18n/i18n.ts";
import { foldPublicationEntries } from "./history-fold.ts";

const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : null);

/** The facts an event recorded, in words: which revision, which incident, which agency, whose claim. */
function facts(e: ReportHistoryEntry, timeZone?: string): string[] {
  const d = e.details ?? {};
  const out: string[] = [];
  if (e.fromStatus || e.toStatus) out.push(`${e.fromStatus ? t(`status.${e.fromStatus}`) : "—"} → ${e.toStatus ? t(`status.${e.toStatus}`) : "—"}`);
  if (str(d.revision)) out.push(t("history.revision", { n: str(d.revision)! }));
  if (str(d.incidentNumber)) out.push(t("history.incident", { number: str(d.incidentNumber)! }));
  if (str(d.agencyName)) out.push(t("history.agency", { name: str(d.agencyName)! }));
  if (str(d.holderName)) out.push(t("history.holder", { name: str(d.holderName)! }));
  if (str(d.expiresAt)) out.push(t("history.until", { at: formatStamp(str(d.expiresAt), locale.value, timeZone) }));
  if (d.generalization === "desa" || d.generalization === "kecamatan") out.push(t(`history.public.${d.generalization}`));
  if (typeof d.photos === "number") out.push(t("history.publicPhotos", { n: d.photos }));
  return out;
}

/** Every event of the report, oldest first: what, who, when, the note and the facts recorded. */
export function HistoryList({ entries, timeZone }: { entries: ReportHistoryEntry[]; timeZone?: string }) {
  if (!entries.length) return <p class="muted">{t("history.empty")}</p>;
  return (
    <ol class="history" data-testid="history">
      {foldPublicationEntries(entries).map((e) => (
        <li key={e.id} class="history-entry" data-testid="history-entry" data-action={e.action}>
          <div>
            <strong>{t(`history.action.${e.action}`)}</strong>
            {" · "}
            {e.actor ? `${e.actor.displayName} (${t(`role.${e.actor.role as "verifier"}`)})` : t("audit.system")}
            {" · "}
            <time dateTime={e.at}>{formatStamp(e.at, locale.value, timeZone, true)}</time>
          </div>
          {facts(e, timeZone).length ? <div class="muted">{facts(e, timeZone).join(" · ")}</div> : null}
          {e.note ? <p class="history-note">{e.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
