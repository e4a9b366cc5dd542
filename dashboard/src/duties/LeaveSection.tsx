import { useSignal } from "@preact/signals";
import { fieldErrors, locale } from "../i18n/i18n.ts";
import { Table } from "../ui/Table.tsx";
import { TextField } from "../ui/TextField.tsx";
import type { RunAction } from "../ui/notice.tsx";
import { DateField } from "./DateField.tsx";
import { formatDayKey } from "@kit/wita.ts";
import { tx } from "./messages.ts";
import { models } from "./models.ts";
import { OfficerSelect } from "./OfficerSelect.tsx";

const emptyLeave = () => ({ officerId: "", firstDay: "", lastDay: "", reason: "" });

/** Officers' leave overlapping the year: add (officer, first and last day, reason) or delete. */
export function LeaveSection({ run }: { run: RunAction }) {
  const { duties } = models;
  const draft = useSignal(emptyLeave());
  const failure = useSignal<unknown>(null);
  const busy = useSignal(false);
  const errors = fieldErrors(failure.value);
  const d = draft.value;
  const officerName = (id: string) => duties.officers.value.find((o) => o.id === id)?.displayName ?? "";

  async function add(e: Event) {
    e.preventDefault();
    busy.value = true;
    failure.value = null;
    const input = { ...draft.value, reason: draft.value.reason.trim() };
    const ok = await run(async () => {
      try {
        await duties.addLeave(input);
      } catch (err) {
        failure.value = err;
        throw err;
      }
    }, tx("duties.leaveAdded", { name: officerName(input.officerId) }));
    busy.value = false;
    if (ok) draft.value = emptyLeave();
  }

  return (
    <section class="duty-section" aria-labelledby="duty-leave-title">
      <h2 id="duty-leave-title">{tx("duties.leave")}</h2>
      <p class="muted">{tx("duties.leaveIntro")}</p>
      {duties.leave.value.length ? (
        <Table columns={[tx("duties.col.officer"), tx("duties.col.from"), tx("duties.col.to"), tx("duties.col.reason"), tx("duties.col.actions")]} testId="leave-table">
          {duties.leave.value.map((l) => (
            <tr key={l.id} data-testid="leave-row" data-leave-id={l.id} data-officer={l.officerId}>
              <td>{l.officerName}</td>
              <td class="nowrap">
                <time dateTime={l.firstDay}>{formatDayKey(l.firstDay, locale.value)}</time>
              </td>
              <td class="nowrap">
                <time dateTime={l.lastDay}>{formatDayKey(l.lastDay, locale.value)}</time>
              </td>
              <td>{l.reason}</td>
              <td>
                <button
                  type="button"
                  class="button-quiet"
                  data-testid="leave-delete"
                  onClick={() => void run(() => duties.removeLeave(l.id), tx("duties.leaveRemoved", { name: l.officerName }))}
                >
                  {tx("duties.delete")}
                </button>
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <p class="muted">{tx("duties.noLeave")}</p>
      )}
      <form class="duty-add" onSubmit={add} noValidate data-testid="leave-add">
        <OfficerSelect name="officerId" value={d.officerId} onChange={(officerId) => (draft.value = { ...d, officerId })} error={errors.officerId} />
        <DateField label={tx("duties.firstDay")} name="firstDay" value={d.firstDay} onInput={(firstDay) => (draft.value = { ...d, firstDay })} error={errors.firstDay} />
        <DateField label={tx("duties.lastDay")} name="lastDay" value={d.lastDay} onInput={(lastDay) => (draft.value = { ...d, lastDay })} error={errors.lastDay} />
        <TextField label={tx("duties.reason")} name="reason" value={d.reason} onInput={(reason) => (draft.value = { ...d, reason })} error={errors.reason} />
        <button type="submit" class="button" data-testid="leave-add-submit" disabled={busy.value}>
          {tx("duties.addLeave")}
        </button>
      </form>
    </section>
  );
}
