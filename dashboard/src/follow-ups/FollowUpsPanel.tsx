import type { FollowUpView } from "@contract/follow-ups.ts";
import type { ReportDetail } from "@contract/report-detail.ts";
import { t } from "../i18n/i18n.ts";
import { AssignForm } from "./AssignForm.tsx";
import { FollowUpItem } from "./FollowUpItem.tsx";

/** A report's assignments to agencies (and its incident's), and — once verified — a new assignment. */
export function FollowUpsPanel({ report, items, canManage, timeZone, onChanged }: { report: ReportDetail; items: FollowUpView[]; canManage: boolean; timeZone?: string; onChanged(): void }) {
  const assignable = report.status === "verified" || report.status === "published";
  return (
    <div class="follow-ups" data-testid="follow-ups">
      {items.length ? (
        <ul>
          {items.map((f) => (
            <FollowUpItem key={f.id} item={f} canManage={canManage} timeZone={timeZone} onChanged={onChanged} />
          ))}
        </ul>
      ) : (
        <p class="muted">{t("followUp.none")}</p>
      )}
      {canManage && assignable ? (
        <details>
          <summary>{t("followUp.assignHeading")}</summary>
          <AssignForm target={{ reportId: report.id }} onDone={onChanged} />
        </details>
      ) : canManage ? (
        <p class="muted">{t("followUp.verifyFirst")}</p>
      ) : null}
    </div>
  );
}
