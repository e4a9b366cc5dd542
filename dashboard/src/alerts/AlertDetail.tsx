import type { AlertView } from "@contract/alerts.ts";
import { formatStamp } from "@kit/wita.ts";
import { routePath } from "../app/access.ts";
import { Link } from "../app/Link.tsx";
import { lang, locale, t } from "../i18n/i18n.ts";
import { AlertActions } from "./AlertActions.tsx";
import { evidenceToLoad } from "./alert-list.ts";
import { metricsInWords } from "./alert-words.ts";
import type { Evidence } from "./alerts.model.ts";
import { KerawananDot, SeverityBadge } from "./Badges.tsx";
import { tx } from "./messages.ts";

interface Props {
  alert: AlertView;
  evidence: ReadonlyMap<string, Evidence>;
  /** Leaders and admins acknowledge and close; verifiers read. */
  canAct: boolean;
  timeZone?: string;
  onClose(): void;
  onDone(text: string): void;
}

/**
 * One alert in full: what it is about in words, its lifecycle so far, the reports behind it (each a link
 * to the report), and for leaders and admins the acknowledge and close forms.
 */
export function AlertDetail({ alert, evidence, canAct, timeZone, onClose, onDone }: Props) {
  const when = (iso: string | null) => formatStamp(iso, locale.value, timeZone);
  const { ids, leftOut } = evidenceToLoad(alert.reportIds);
  return (
    <section class="alert-detail" aria-labelledby="alert-detail-title" data-testid="alert-detail" data-alert-id={alert.id} data-status={alert.status}>
      <div class="alert-detail-head">
        <h2 id="alert-detail-title">{tx("alerts.detail.title")}</h2>
        <button type="button" class="button-quiet" onClick={onClose} data-testid="alert-detail-close">
          {tx("alerts.detail.close")}
        </button>
      </div>
      <p class="alert-item-head">
        <SeverityBadge severity={alert.severity} />
        <span class="alert-rule">{tx(`alerts.rule.${alert.rule}`)}</span>
        <span class="alert-number">{alert.number}</span>
      </p>
      <h3 class="alert-detail-title">{alert.title}</h3>
      <p>{alert.summary}</p>
      <p class={`alert-status alert-status--${alert.status}`} data-testid="alert-detail-status">
        {tx(`alerts.status.${alert.status}`)}
      </p>
      <h4>{tx("alerts.detail.metrics")}</h4>
      <ul class="alert-metrics" data-testid="alert-metrics">
        {metricsInWords(alert, lang.value, timeZone).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <ul class="alert-times">
        <li>{alert.kecamatanNama ?? tx("alerts.noKecamatan")}</li>
        <li>{tx("alerts.openedAt", { when: when(alert.openedAt) })}</li>
        <li>{tx("alerts.detail.updated", { when: when(alert.updatedAt) })}</li>
        <li>{tx("alerts.detail.seen", { when: when(alert.seenAt) })}</li>
        {alert.acknowledgedAt ? (
          <li data-testid="alert-ack-by">
            {tx("alerts.detail.ackBy", { who: alert.acknowledgedBy ?? "—", when: when(alert.acknowledgedAt) })}
            {alert.acknowledgeNote ? <blockquote class="alert-ack-note" data-testid="alert-ack-note-text">{alert.acknowledgeNote}</blockquote> : null}
          </li>
        ) : null}
        {alert.closedAt ? (
          <li>
            {tx("alerts.detail.closedAt", { when: when(alert.closedAt) })}
            {alert.closedReason ? ` — ${tx(`alerts.detail.closed.${alert.closedReason}`)}` : null}
            {alert.closeNote ? <blockquote class="alert-ack-note" data-testid="alert-close-note-text">{alert.closeNote}</blockquote> : null}
          </li>
        ) : null}
      </ul>
      <h4>{tx("alerts.detail.evidence")}</h4>
      <ul class="alert-evidence" data-testid="alert-evidence">
        {[...ids].reverse().map((id) => {
          const item = evidence.get(id);
          const href = routePath("reportDetail", { id });
          if (!item) return <li key={id}><Link href={href}>{t("common.loading")}</Link></li>;
          if (!item.ok) return <li key={id} class="muted">{tx("alerts.detail.evidenceFailed", { number: id.slice(0, 8) })}</li>;
          const r = item.report;
          return (
            <li key={id} data-testid="alert-evidence-item" data-report-id={id}>
              <KerawananDot level={r.kerawanan} />
              <Link href={href}>
                {r.number} — {r.perihal}
              </Link>
              <small class="muted"> {formatStamp(r.receivedAt, locale.value, timeZone)}</small>
            </li>
          );
        })}
      </ul>
      {leftOut > 0 ? <p class="muted">{tx("alerts.detail.evidenceMore", { n: leftOut })}</p> : null}
      {canAct ? <AlertActions key={alert.id} alert={alert} onDone={onDone} /> : null}
    </section>
  );
}
