import "./duties.css";
import { useEffect } from "preact/hooks";
import { FIRST_PERIOD_YEAR } from "@contract/time.ts";
import { witaDate } from "@kit/wita.ts";
import { t } from "../i18n/i18n.ts";
import { PageNotices, useNotice } from "../ui/notice.tsx";
import { HolidaysSection } from "./HolidaysSection.tsx";
import { LeaveSection } from "./LeaveSection.tsx";
import { tx } from "./messages.ts";
import { models } from "./models.ts";
import { OfficerStartForm } from "./OfficerStartForm.tsx";
import { SettingsForm } from "./SettingsForm.tsx";

/** The years whose calendar can be kept: the API takes days from 2020 to next year. */
const yearChoices = (thisYear: number) => Array.from({ length: thisYear + 2 - Math.max(FIRST_PERIOD_YEAR, thisYear - 3) }, (_, i) => Math.max(FIRST_PERIOD_YEAR, thisYear - 3) + i);

/**
 * Reporting duties (admins): the deadlines, the year's holidays and officers' leave, and the day an
 * officer's duties begin. Each change is judged into the duties by the server at once.
 */
export function DutiesPage() {
  const { duties } = models;
  const { notice, run } = useNotice();
  useEffect(() => {
    void duties.load();
  }, [duties]);
  const settings = duties.settings.value;
  const year = duties.year.value;
  const thisYear = Number(witaDate(Date.now()).slice(0, 4));

  return (
    <div class="page duties-page">
      <h1>{tx("duties.title")}</h1>
      <p class="muted">{tx("duties.intro")}</p>
      <PageNotices notice={notice.value} testId="duties-notice" loadError={duties.error.value} />
      <section class="duty-section" aria-labelledby="duty-settings-title">
        <h2 id="duty-settings-title">{tx("duties.settings")}</h2>
        {settings ? <SettingsForm initial={settings} run={run} /> : <p class="muted">{t("common.loading")}</p>}
      </section>
      <label class="filters duty-year">
        {tx("duties.year")}{" "}
        <select data-testid="duties-year" value={year} onChange={(e) => void duties.setYear(Number(e.currentTarget.value))}>
          {yearChoices(thisYear).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <div class="duty-calendar">
        <HolidaysSection run={run} />
        <LeaveSection run={run} />
      </div>
      <OfficerStartForm />
    </div>
  );
}
