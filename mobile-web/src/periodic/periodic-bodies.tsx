import { useContext } from "preact/hooks";
import { Bidang } from "@contract/reports.ts";
import { AppContext } from "../app/context.ts";
import { t, type MessageKey } from "../i18n/i18n.ts";
import { FormContext } from "../report-form/form-context.ts";
import { initialOf } from "../report-form/form-values.ts";
import { witaDate } from "../time/wita.ts";
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
      <fieldset class="field">
        <legend class="field__label">{t("per.perBidang")}</legend>
        {Bidang.options.map((b) => (
          <TextField key={b} name={`perBidang.${b}`} label={`bidang.${b}` as MessageKey} multiline defaultValue="nihil" />
        ))}
      </fieldset>
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
      <fieldset class="field">
        <legend class="field__label">{t("per.tallies")}</legend>
        <div class="grid2">
          {Bidang.options.map((b) => (
            <NumberField key={b} name={`tallies.${b}`} label={`bidang.${b}` as MessageKey} defaultValue={0} />
          ))}
        </div>
      </fieldset>
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
      <fieldset class="field">
        <legend class="field__label">{t("per.statistik")}</legend>
        <div class="grid2">
          {Bidang.options.map((b) => (
            <NumberField key={b} name={`statistik.${b}`} label={`bidang.${b}` as MessageKey} defaultValue={0} />
          ))}
        </div>
      </fieldset>
      <fieldset class="field">
        <legend class="field__label">{t("per.athg")}</legend>
        {Bidang.options.map((b) => (
          <TextField key={b} name={`athg.${b}`} label={`bidang.${b}` as MessageKey} multiline />
        ))}
      </fieldset>
      <TextField name="kejadianMenonjol" label="per.kejadianMenonjolText" multiline />
      <TextField name="prakiraan" label="per.prakiraan" multiline />
      <TextField name="saran" label="per.saran" multiline />
    </Section>
  );
}
