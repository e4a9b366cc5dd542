import { useContext } from "preact/hooks";
import { Bidang } from "@contract/reports.ts";
import { witaDate } from "@kit/wita.ts";
import { AppContext } from "../app/context.ts";
import { t, type MessageKey } from "../i18n/i18n.ts";
import { FormContext } from "../report-form/form-context.ts";
import { initialOf } from "../report-form/form-values.ts";
import { ChoiceField, NumberField, Section, TextField } from "../ui/fields.tsx";

/** Laporan harian: the day in one line, per bidang, the notable incidents, and tomorrow. */
export function DailyBodySection() {
  const { myReports, sync } = useContext(AppContext);
  const today = witaDate(Date.now());
  // Today's situation reports on the server can be linked as notable incidents (the contract wants ids).
  const todays = myReports.reports.value.filter((r) => r.kind === "situation" && witaDate(Date.parse(r.occurredAt)) === today);
  const queuedToday = sync.status.mine.value.filter((e) => e.kind === "situation" && witaDate(Date.parse(String(e.payload.occurredAt))) === today);
  return (
    <Section title="sec.isi" open names={["situasiUmum", "perBidang", "jumlahKejadian", "kejadianMenonjol", "agendaBesok", "potensiMasalah", "rekomendasi"]} id="isi">
      <ChoiceField
        name="situasiUmum"
        label="per.situasiUmum"
        required
        defaultValue="aman-kondusif"
        choices={(["aman-kondusif", "ada-kejadian"] as const).map((v) => ({ value: v, label: t(`per.situasiUmum.${v}`) }))}
      />
      <NumberField name="jumlahKejadian" label="per.jumlahKejadian" required defaultValue={todays.length + queuedToday.length} />
      <KejadianMenonjol reports={todays} />
      <PerBidang title="per.perBidang" prefix="perBidang" text="nihil" />
      <TextField name="agendaBesok" label="per.agendaBesok" multiline />
      <TextField name="potensiMasalah" label="per.potensiMasalah" multiline />
      <TextField name="rekomendasi" label="per.rekomendasi" multiline />
    </Section>
  );
}

function KejadianMenonjol({ reports }: { reports: { id: string; perihal: string; number: string }[] }) {
  const { initial, errors } = useContext(FormContext);
  const picked = (initialOf(initial, "kejadianMenonjol") as string[] | undefined) ?? [];
  return (
    <fieldset class="field">
      <legend class="field__label">{t("per.kejadianMenonjol")}</legend>
      {reports.length === 0 && <p class="small muted">{t("per.kejadianNone")}</p>}
      {reports.map((r) => (
        <label key={r.id} class="check">
          <input type="checkbox" name="kejadianMenonjol" data-type="list" value={r.id} defaultChecked={picked.includes(r.id)} />
          <span>
            {r.number} · {r.perihal}
          </span>
        </label>
      ))}
      {errors.value.kejadianMenonjol && <p class="error small">{errors.value.kejadianMenonjol}</p>}
    </fieldset>
  );
}

/** Laporan mingguan: counts per bidang and the week's picture. */
export function WeeklyBodySection() {
  return (
    <Section title="sec.isi" open names={["tallies", "trend", "isuMenonjol", "hotspots", "prakiraan", "rekomendasi"]} id="isi">
      <PerBidang title="per.tallies" prefix="tallies" />
      <TextField name="trend" label="per.trend" multiline />
      <TextField name="isuMenonjol" label="per.isuMenonjol" multiline />
      <TextField name="hotspots" label="per.hotspots" multiline />
      <TextField name="prakiraan" label="per.prakiraan" multiline />
      <TextField name="rekomendasi" label="per.rekomendasi" multiline />
    </Section>
  );
}

/** Laporan bulanan: statistics and ATHG per bidang, notable incidents, forecast and advice. */
export function MonthlyBodySection() {
  return (
    <Section title="sec.isi" open names={["statistik", "athg", "kejadianMenonjol", "prakiraan", "saran"]} id="isi">
      <PerBidang title="per.statistik" prefix="statistik" />
      <PerBidang title="per.athg" prefix="athg" text="" />
      <TextField name="kejadianMenonjol" label="per.kejadianMenonjolText" multiline />
      <TextField name="prakiraan" label="per.prakiraan" multiline />
      <TextField name="saran" label="per.saran" multiline />
    </Section>
  );
}

/**
 * One input per bidang under a common title, named `<prefix>.<bidang>`: counts (two to a row, from 0)
 * unless `text` is given, which makes them free text starting with that value.
 */
function PerBidang({ title, prefix, text }: { title: MessageKey; prefix: string; text?: string }) {
  const label = (b: Bidang) => `bidang.${b}` as MessageKey;
  return (
    <fieldset class="field">
      <legend class="field__label">{t(title)}</legend>
      {text === undefined ? (
        <div class="grid2">
          {Bidang.options.map((b) => (
            <NumberField key={b} name={`${prefix}.${b}`} label={label(b)} defaultValue={0} />
          ))}
        </div>
      ) : (
        Bidang.options.map((b) => <TextField key={b} name={`${prefix}.${b}`} label={label(b)} multiline defaultValue={text || undefined} />)
      )}
    </fieldset>
  );
}
