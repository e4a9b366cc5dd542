import { kecamatanOptions } from "../map/map-data.model.ts";
import { Field } from "../ui/TextField.tsx";
import { tx } from "./messages.ts";
import { models } from "./models.ts";

/** An active officer, by name with their kecamatan, from the users API; `name` ties it to its error. */
export function OfficerSelect({ name, value, onChange, error }: { name: string; value: string; onChange(id: string): void; error?: string }) {
  // The boundaries load at the app's start (main.tsx); until they are in, the code stands in for the name.
  const names = new Map(kecamatanOptions(models.mapData.kecamatan.value).map((k) => [k.kode, k.nama]));
  return (
    <Field label={tx("duties.officer")} name={name} error={error}>
      <select
        id={`f-${name}`}
        name={name}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `f-${name}-error` : undefined}
      >
        <option value="">{tx("duties.chooseOfficer")}</option>
        {models.duties.officers.value.map((o) => (
          <option key={o.id} value={o.id}>
            {o.displayName}
            {o.kecamatanKode ? ` — ${names.get(o.kecamatanKode) ?? o.kecamatanKode}` : ""}
          </option>
        ))}
      </select>
    </Field>
  );
}
