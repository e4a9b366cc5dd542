import { createModel, signal } from "@preact/signals";
import type { DutySettings, Holiday, LeaveView, OfficerDutyView } from "@contract/duties.ts";
import type { AdminUserView } from "@contract/users.ts";
import type { Http } from "@kit/http.ts";
import { witaDate } from "@kit/wita.ts";

/** The users API gives at most this many a page; officers are read page by page up to a bound. */
const USERS_PAGE = 200;
const USERS_MAX = 2_000;

/**
 * What duties are judged against (admins): the deadlines, holidays and leave of one year, and the day
 * each officer's duties begin. Every change is made on the server, which judges the affected duties
 * again; the lists are then read back rather than patched, so what shows is what the server holds.
 */
export const DutiesModel = createModel((http: Http) => {
  const settings = signal<DutySettings | null>(null);
  const year = signal(Number(witaDate(Date.now()).slice(0, 4)));
  const holidays = signal<Holiday[]>([]);
  const leave = signal<LeaveView[]>([]);
  const officers = signal<AdminUserView[]>([]);
  /** Start days set here during this visit (the API offers no list of them). */
  const starts = signal<ReadonlyMap<string, OfficerDutyView>>(new Map());
  const loading = signal(false);
  const error = signal<unknown>(null);

  async function loadYear() {
    const y = year.value;
    const [h, l] = await Promise.all([
      http.call("GET /api/holidays", { query: { year: y } }),
      http.call("GET /api/leave", { query: { from: `${y}-01-01`, to: `${y}-12-31` } }),
    ]);
    if (y !== year.value) return;
    holidays.value = [...h.data].sort((a, b) => a.day.localeCompare(b.day));
    leave.value = [...l.data].sort((a, b) => a.firstDay.localeCompare(b.firstDay) || a.officerName.localeCompare(b.officerName, "id"));
  }

  async function loadOfficers() {
    const all: AdminUserView[] = [];
    for (let offset = 0; offset < USERS_MAX; offset += USERS_PAGE) {
      const { data } = await http.call("GET /api/users", { query: { role: "officer", active: "true", limit: USERS_PAGE, offset } });
      all.push(...data);
      if (data.length < USERS_PAGE) break;
    }
    officers.value = all.sort((a, b) => a.displayName.localeCompare(b.displayName, "id"));
  }

  async function guarded(work: () => Promise<unknown>) {
    loading.value = true;
    try {
      await work();
      error.value = null;
    } catch (err) {
      error.value = err;
    } finally {
      loading.value = false;
    }
  }

  const load = () =>
    guarded(async () => {
      const [s] = await Promise.all([http.call("GET /api/duties/settings", {}), loadYear(), loadOfficers()]);
      settings.value = s.data;
    });

  function setYear(y: number) {
    year.value = y;
    return guarded(loadYear);
  }

  async function saveSettings(next: DutySettings): Promise<DutySettings> {
    const { data } = await http.call("PUT /api/duties/settings", { body: next });
    settings.value = data;
    return data;
  }

  async function addHoliday(input: Holiday): Promise<Holiday> {
    const { data } = await http.call("POST /api/holidays", { body: input });
    await loadYear();
    return data;
  }

  async function removeHoliday(day: string): Promise<void> {
    await http.call("DELETE /api/holidays/:day", { params: { day } });
    holidays.value = holidays.value.filter((h) => h.day !== day);
  }

  async function addLeave(input: { officerId: string; firstDay: string; lastDay: string; reason: string }): Promise<LeaveView> {
    const { data } = await http.call("POST /api/leave", { body: input });
    await loadYear();
    return data;
  }

  async function removeLeave(id: string): Promise<void> {
    await http.call("DELETE /api/leave/:id", { params: { id } });
    leave.value = leave.value.filter((l) => l.id !== id);
  }

  /** Set the day an officer's duties begin; null goes back to the day their account was made. */
  async function setOfficerStart(officerId: string, owesFrom: string | null): Promise<OfficerDutyView> {
    const { data } = await http.call("PUT /api/duties/officers/:officerId", { params: { officerId }, body: { owesFrom } });
    starts.value = new Map(starts.value).set(officerId, data);
    return data;
  }

  return { settings, year, holidays, leave, officers, starts, loading, error, load, setYear, saveSettings, addHoliday, removeHoliday, addLeave, removeLeave, setOfficerStart };
});

export type Duties = InstanceType<typeof DutiesModel>;
