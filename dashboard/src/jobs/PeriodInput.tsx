import { currentPeriod, readQuarter, type JobPeriodKind } from "./job-period.ts";
import { tx } from "./messages.ts";

interface Props {
  kind: Exclude<JobPeriodKind, "slot">;
  /** A period key of the kind (`2026-11-27`, `2026-W48`, `2026-11`, `2026-Q4`), possibly half typed. */
  value: string;
  onChange(value: string): void;
  /** The input's id, for the label and the error's `aria-describedby`. */
  id: string;
  error?: string;
}

/**
 * The input that fits the job's period: the browser's date, week and month pickers write exactly the
 * server's keys (`2026-W48`, `2026-11`); a quarter is a year and Q1–Q4. Nothing later than the period
 * in progress is offered.
 */
export function PeriodInput({ kind, value, onChange, id, error }: Props) {
  const now = Date.now();
  const invalid = error ? true : undefined;
  const describedBy = error ? `${id}-error` : undefined;
  if (kind === "quarter") {
    // The year as typed (it passes through "2", "20", … on its way), the quarter as chosen.
    const typed = /^(\d*)-Q([1-4])$/.exec(value);
    const fallback = readQuarter(currentPeriod("quarter", now))!;
    const q = { year: typed ? typed[1]! : String(fallback.year), q: typed ? Number(typed[2]) : fallback.q };
    const maxYear = Number(currentPeriod("quarter", now).slice(0, 4));
    return (
      <span class="job-quarter">
        <input
          id={id}
          type="number"
          name="period-year"
          data-testid="job-period-year"
          aria-label={tx("jobs.period.year")}
          min={2020}
          max={maxYear}
          value={q.year}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onInput={(e) => onChange(`${e.currentTarget.value}-Q${q.q}`)}
        />
        <select name="period-quarter" data-testid="job-period-quarter" aria-label={tx("jobs.period.quarter")} value={q.q} onChange={(e) => onChange(`${q.year}-Q${e.currentTarget.value}`)}>
          {[1, 2, 3, 4].map((n) => (
            <option key={n} value={n}>{`Q${n}`}</option>
          ))}
        </select>
      </span>
    );
  }
  const type = kind === "day" ? "date" : kind;
  return (
    <input
      id={id}
      // The three picker types share these attributes; Preact's typings split them by literal.
      type={type as "date"}
      name="period"
      data-testid="job-period"
      max={currentPeriod(kind, now)}
      value={value}
      placeholder={kind === "week" ? "2026-W48" : kind === "month" ? "2026-11" : undefined}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      onInput={(e) => onChange(e.currentTarget.value)}
    />
  );
}
