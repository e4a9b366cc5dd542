import type { ComponentChildren } from "preact";
import { Bidang } from "@contract/reports.ts";
import { formatStamp } from "@kit/wita.ts";
import { locale, t, type MessageKey } from "../i18n/i18n.ts";

type Body = Record<string, unknown>;
const obj = (v: unknown): Body => (v && typeof v === "object" && !Array.isArray(v) ? (v as Body) : {});
const text = (v: unknown) => (v === undefined || v === null || v === "" ? t("common.none") : String(v));

/** A labelled value; long text keeps the officer's line breaks, rendered as text (never HTML). */
function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="li-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A part of the report; `plain` for content that is not label–value pairs (a table). */
function Section({ title, children, testId, plain }: { title: string; children: ComponentChildren; testId?: string; plain?: boolean }) {
  return (
    <section class="li-section" data-testid={testId}>
      <h3>{title}</h3>
      {plain ? children : <dl>{children}</dl>}
    </section>
  );
}

const FAKTA: [string, MessageKey][] = [
  ["siapa", "li.siapa"],
  ["apa", "li.apa"],
  ["diMana", "li.diMana"],
  ["denganApa", "li.denganApa"],
  ["mengapa", "li.mengapa"],
  ["bagaimana", "li.bagaimana"],
  ["bilamana", "li.bilamana"],
];
const PENDAPAT: [string, MessageKey][] = [
  ["analisa", "li.analisa"],
  ["prakiraan", "li.prakiraan"],
  ["langkah", "li.langkah"],
  ["saran", "li.saran"],
];

/** A situation report's Laporan Informasi in the order of the form: pendahuluan, fakta, pendapat. */
export function SituationBodyView({ body, timeZone }: { body: unknown; timeZone?: string }) {
  const pendahuluan = obj(obj(body).pendahuluan);
  const fakta = obj(obj(body).fakta);
  const pendapat = obj(obj(body).pendapat);
  const count = (key: string, label: MessageKey) => (typeof fakta[key] === "number" ? <Row label={t(label)}>{(fakta[key] as number).toLocaleString(locale.value)}</Row> : null);
  return (
    <>
      <Section title={t("li.pendahuluan")} testId="li-pendahuluan">
        <Row label={t("li.sumber")}>{text(pendahuluan.sumber)}</Row>
        <Row label={t("li.hubunganSumber")}>{text(pendahuluan.hubunganSumber)}</Row>
        <Row label={t("li.caraMemperoleh")}>{text(pendahuluan.caraMemperoleh)}</Row>
        <Row label={t("li.waktuMemperoleh")}>{typeof pendahuluan.waktuMemperoleh === "string" ? formatStamp(pendahuluan.waktuMemperoleh, locale.value, timeZone, true) : t("common.none")}</Row>
        <Row label={t("li.nilaiInformasi")}>
          <strong data-testid="li-nilai">{text(pendahuluan.nilaiInformasi)}</strong>
        </Row>
      </Section>
      <Section title={t("li.fakta")} testId="li-fakta">
        {FAKTA.map(([key, label]) => (
          <Row key={key} label={t(label)}>
            {text(fakta[key])}
          </Row>
        ))}
        {count("jumlahMassa", "li.jumlahMassa")}
        {count("korban", "li.korban")}
        {typeof fakta.kerugian === "number" ? <Row label={t("li.kerugian")}>Rp {fakta.kerugian.toLocaleString(locale.value)}</Row> : null}
      </Section>
      <Section title={t("li.pendapat")} testId="li-pendapat">
        {PENDAPAT.map(([key, label]) => (
          <Row key={key} label={t(label)}>
            {text(pendapat[key])}
          </Row>
        ))}
      </Section>
    </>
  );
}

const TEXTS: Record<"daily" | "weekly" | "monthly", [string, MessageKey][]> = {
  daily: [
    ["agendaBesok", "periodic.agendaBesok"],
    ["potensiMasalah", "periodic.potensiMasalah"],
    ["rekomendasi", "periodic.rekomendasi"],
  ],
  weekly: [
    ["trend", "periodic.trend"],
    ["isuMenonjol", "periodic.isuMenonjol"],
    ["hotspots", "periodic.hotspots"],
    ["prakiraan", "li.prakiraan"],
    ["rekomendasi", "periodic.rekomendasi"],
  ],
  monthly: [
    ["kejadianMenonjol", "periodic.kejadianMenonjol"],
    ["prakiraan", "li.prakiraan"],
    ["saran", "li.saran"],
  ],
};

/** Counts by name (weekly tallies, monthly statistics) as a small table. */
function Tallies({ values }: { values: Body }) {
  const entries = Object.entries(values).filter(([, v]) => typeof v === "number");
  if (!entries.length) return <>{t("common.none")}</>;
  return (
    <table class="table li-tallies">
      <tbody>
        {entries.map(([k, v]) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td>{(v as number).toLocaleString(locale.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A daily, weekly or monthly report in its own layout: per bidang, tallies, then the narrative. */
export function PeriodicBodyView({ kind, body }: { kind: "daily" | "weekly" | "monthly"; body: unknown }) {
  const b = obj(body);
  const perBidang = obj(kind === "daily" ? b.perBidang : kind === "monthly" ? b.athg : undefined);
  return (
    <>
      {kind === "daily" ? (
        <Section title={t("periodic.situasi")} testId="periodic-situasi">
          <Row label={t("periodic.situasiUmum")}>{b.situasiUmum === "ada-kejadian" ? t("periodic.adaKejadian") : t("periodic.aman")}</Row>
          <Row label={t("periodic.jumlahKejadian")}>{text(b.jumlahKejadian)}</Row>
        </Section>
      ) : null}
      {kind !== "weekly" ? (
        <Section title={t(kind === "daily" ? "periodic.perBidang" : "periodic.athg")} testId="periodic-bidang">
          {Bidang.options.map((bidang) => (
            <Row key={bidang} label={t(`bidang.${bidang}`)}>
              {text(perBidang[bidang])}
            </Row>
          ))}
        </Section>
      ) : null}
      {kind !== "daily" ? (
        <Section title={t(kind === "weekly" ? "periodic.tallies" : "periodic.statistik")} plain>
          <Tallies values={obj(kind === "weekly" ? b.tallies : b.statistik)} />
        </Section>
      ) : null}
      <Section title={t("periodic.narrative")}>
        {TEXTS[kind].map(([key, label]) => (
          <Row key={key} label={t(label)}>
            {text(b[key])}
          </Row>
        ))}
      </Section>
    </>
  );
}
