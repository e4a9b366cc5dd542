import { useContext, useEffect, useState } from "preact/hooks";
import { Bidang, Kerawanan, REPORT_LIMITS } from "@contract/reports.ts";
import { AppContext } from "../app/context.ts";
import { t, type MessageKey } from "../i18n/i18n.ts";
import { subCategoryNames } from "../sub-categories/choices.ts";
import { ChoiceField, DateTimeField, NumberField, Section, SelectField, TextField, type Choice } from "../ui/fields.tsx";
import { FormContext } from "./form-context.ts";
import { initialOf } from "./form-values.ts";
import { NilaiInformasiField } from "./nilai-informasi-field.tsx";

/** Tingkat kerawanan choices with their colours (green, yellow, red, dark red). */
export const kerawananChoices = (): Choice[] =>
  Kerawanan.options.map((k) => ({ value: k, label: t(`f.kerawanan.${k}` as MessageKey), tone: `tone-${k}` }));

export const classificationChoices = (): Choice[] => [
  { value: "biasa", label: t("f.classification.biasa") },
  { value: "rahasia", label: t("f.classification.rahasia"), tone: "tone-rahasia" },
];

/** Kepala laporan: perihal, when, classification, bidang and sub-category, tingkat kerawanan. */
export function HeaderSection() {
  const { initial } = useContext(FormContext);
  const { subCategories } = useContext(AppContext);
  const initialBidang = String(initialOf(initial, "bidang") ?? "");
  const [bidang, setBidang] = useState(initialBidang);
  // The admins' current list when there is signal; else the cached one (or the defaults) as it is.
  useEffect(() => void subCategories.load(), []);
  const initialSub = bidang === initialBidang ? String(initialOf(initial, "subCategory") ?? "") : "";
  const subChoices = subCategoryNames(subCategories.list.value, bidang, initialSub).map((s) => ({ value: s, label: s }));
  return (
    <Section title="sec.header" open names={["perihal", "occurredAt", "classification", "bidang", "subCategory", "kerawanan"]} id="header">
      <TextField name="perihal" label="f.perihal" required maxLength={REPORT_LIMITS.titleMax} />
      <DateTimeField name="occurredAt" label="f.occurredAt" required defaultNow />
      <ChoiceField name="classification" label="f.classification" choices={classificationChoices()} defaultValue="biasa" />
      <SelectField
        name="bidang"
        label="f.bidang"
        required
        value={bidang}
        onChange={setBidang}
        choices={Bidang.options.map((b) => ({ value: b, label: t(`bidang.${b}` as MessageKey) }))}
      />
      <SelectField key={bidang} name="subCategory" label="f.subCategory" required choices={subChoices} />
      <ChoiceField name="kerawanan" label="f.kerawanan" required choices={kerawananChoices()} />
    </Section>
  );
}

/** Pendahuluan: the source and how far to trust it. */
export function PendahuluanSection() {
  return (
    <Section title="sec.pendahuluan" open names={["pendahuluan"]} id="pendahuluan">
      <TextField name="pendahuluan.sumber" label="f.sumber" required maxLength={500} />
      <TextField name="pendahuluan.hubunganSumber" label="f.hubunganSumber" maxLength={500} />
      <TextField name="pendahuluan.caraMemperoleh" label="f.caraMemperoleh" maxLength={500} />
      <DateTimeField name="pendahuluan.waktuMemperoleh" label="f.waktuMemperoleh" />
      <NilaiInformasiField />
    </Section>
  );
}

/** The seven questions every Laporan Informasi answers (SIADIDEMENBABI), plus the counts. */
export function FaktaSection() {
  return (
    <Section title="sec.fakta" open names={["fakta"]} id="fakta">
      <TextField name="fakta.siapa" label="f.siapa" required multiline />
      <TextField name="fakta.apa" label="f.apa" required multiline />
      <TextField name="fakta.diMana" label="f.diMana" required multiline />
      <TextField name="fakta.denganApa" label="f.denganApa" multiline />
      <TextField name="fakta.mengapa" label="f.mengapa" multiline />
      <TextField name="fakta.bagaimana" label="f.bagaimana" required multiline />
      <TextField name="fakta.bilamana" label="f.bilamana" required maxLength={500} />
      <div class="grid3">
        <NumberField name="fakta.jumlahMassa" label="f.jumlahMassa" />
        <NumberField name="fakta.korban" label="f.korban" />
        <NumberField name="fakta.kerugian" label="f.kerugian" />
      </div>
    </Section>
  );
}

/** Pendapat pelapor: all optional, folded at first. */
export function PendapatSection() {
  return (
    <Section title="sec.pendapat" names={["pendapat"]} id="pendapat">
      <TextField name="pendapat.analisa" label="f.analisa" multiline />
      <TextField name="pendapat.prakiraan" label="f.prakiraan" multiline />
      <TextField name="pendapat.langkah" label="f.langkah" multiline />
      <TextField name="pendapat.saran" label="f.saran" multiline />
    </Section>
  );
}
