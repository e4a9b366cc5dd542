import { useSignal } from "@preact/signals";
import { formatDayKey } from "@kit/wita.ts";
import { fieldErrors, locale } from "../i18n/i18n.ts";
import { Table } from "../ui/Table.tsx";
import { TextField } from "../ui/TextField.tsx";
import { DateField } from "./DateField.tsx";
import type { RunAction } from "../ui/notice.tsx";
import { tx } from "./messages.ts";
import { models } from "./models.ts";

/** The year's holidays with their names; add one (date and name) or delete one. */
export function HolidaysSection({ run }: { run: RunAction }) {
  const { duties } = models;
  const day = useSignal("");
  const name = useSignal("");
  const failure = useSignal<unknown>(null);
  const busy = useSignal(false);
  const errors = fieldErrors(failure.value);

  async function add(e: Event) {
    e.preventDefault();
    busy.value = true;
    failure.value = null;
    const input = { day: day.value, name: name.value.trim() };
    const ok = await run(async () => {
      try {
        await duties.addHoliday(input);
      } catch (err) {
        failure.value = err;
        throw err;
      }
    }, tx("duties.holidayAdded", { day: input.day }));
    busy.value = false;
    if (ok) {
      day.value = "";
      name.value = "";
    }
  }

  const remove = (d: string) => run(() => duties.removeHoliday(d), tx("duties.holidayRemoved", { day: d }));

  return (
    <section class="duty-section" aria-labelledby="duty-holidays-title">
      <h2 id="duty-holidays-title">{tx("duties.holidays")}</h2>
      <p class="muted">{tx("duties.holidaysIntro")}</p>
      {duties.holidays.value.length ? (
        <Table columns={[tx("duties.col.day"), tx("duties.col.name"), tx("duties.col.actions")]} testId="holidays-table">
          {duties.holidays.value.map((h) => (
            <tr key={h.day} data-testid="holiday-row" data-day={h.day}>
              <td class="nowrap">
                <time dateTime={h.day}>{formatDayKey(h.day, locale.value)}</time>
              </td>
              <td>{h.name}</td>
              <td>
                <button type="button" class="button-quiet" data-testid="holiday-delete" aria-label={`${tx("duties.delete")} ${h.name}`} onClick={() => void remove(h.day)}>
                  {tx("duties.delete")}
                </button>
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <p class="muted" data-testid="holidays-empty">
          {tx("duties.noHolidays")}
        </p>
      )}
      <form class="duty-add" onSubmit={add} noValidate data-testid="holiday-add">
        <DateField label={tx("duties.holidayDay")} name="day" value={day.value} onInput={(v) => (day.value = v)} error={errors.day} />
        <TextField label={tx("duties.holidayName")} name="name" value={name.value} onInput={(v) => (name.value = v)} error={errors.name} />
        <button type="submit" class="button" data-testid="holiday-add-submit" disabled={busy.value}>
          {tx("duties.addHoliday")}
        </button>
      </form>
    </section>
  );
}
