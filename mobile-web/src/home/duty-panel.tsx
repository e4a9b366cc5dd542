import { useContext, useEffect, useState } from "preact/hooks";
import type { DutyKind } from "@contract/duties.ts";
import { periodLabel } from "@contract/period-titles.ts";
import { toWitaLocalInput, WITA_ZONE, witaDate } from "@kit/wita.ts";
import { AppContext } from "../app/context.ts";
import { locale } from "../i18n/i18n.ts";
import { deadlineDay, dutyLines, type DutyLine } from "../duties/duty-reminders.ts";
import { myDuties } from "../duties/duties.model.ts";
import { tx, type DutyKey } from "../duties/messages.ts";

const CLASS: Record<DutyLine["state"], string> = { due: "banner--info", soon: "banner--warn", overdue: "banner--warn", done: "banner--ok" };

/**
 * What the officer owes and by when (daily, weekly, monthly), the deadline highlighted as it nears, one
 * tap to the right form. From the last known duties when offline; null until duties were ever fetched
 * (the home screen then falls back to its own "daily owed" banner).
 */
export function DutyPanel() {
  const [now, setNow] = useState(Date.now);
  // A deadline nears while the screen stays open: look again every minute.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const { session, sync, myReports, connection, router } = useContext(AppContext);
  const userId = session.user.value?.id ?? null;
  const lastSyncAt = sync.status.lastSyncAt.value;
  // On every visit of home, when signal returns, and after reports went out (a duty may be met now).
  useEffect(() => {
    if (userId) void myDuties.load(userId);
  }, [userId, connection.online.value, lastSyncAt]);

  const lines = dutyLines(now, myDuties.known.value, sync.status.mine.value, myReports.reports.value);
  if (!lines.length) return null;
  return (
    <section class="stack-s" aria-label={tx("duty.title")} data-testid="duties">
      {lines.map((line) => (
        <div key={line.kind} class={`banner ${CLASS[line.state]}`} data-testid={`duty-${line.kind}`} data-state={line.state} data-period={line.period}>
          {/* `daily-owed`: what the home screen's daily banner was called before duties, kept for its tests. */}
          <div class="stack-s" data-testid={line.kind === "daily" && line.state !== "done" ? "daily-owed" : undefined}>
            <p>
              <strong>{title(line, now)}</strong> — {status(line, now)}
            </p>
            {line.state !== "done" && (
              <button type="button" class="btn btn--small" onClick={() => router.navigate({ name: "periodic", kind: line.kind })}>
                {tx("duty.write")}
              </button>
            )}
          </div>
        </div>
      ))}
    </section>
  );
}

function title(line: DutyLine, now: number): string {
  if (line.kind === "daily" && line.period === witaDate(now)) return tx("duty.dailyToday");
  return `${tx(`duty.${line.kind}` as DutyKey)} ${periodLabel(line.kind as DutyKind, line.period)}`;
}

function status(line: DutyLine, now: number): string {
  if (line.state === "done") return tx(line.waiting ? "duty.waiting" : "duty.done");
  const time = toWitaLocalInput(line.dueAt).slice(11, 16);
  const day = new Intl.DateTimeFormat(locale.value, { timeZone: WITA_ZONE, weekday: "long", day: "numeric", month: "short" }).format(line.dueAt);
  if (line.state === "overdue") return tx("duty.overdue", { when: `${deadlineDay(line.dueAt, now) === "today" ? "" : `${day} `}${time} WITA` });
  const when = deadlineDay(line.dueAt, now);
  return when === "today" ? tx("duty.byToday", { time }) : when === "tomorrow" ? tx("duty.byTomorrow", { time }) : tx("duty.byLater", { day, time });
}
