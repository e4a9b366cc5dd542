import { useSignal } from "@preact/signals";
import type { ImportIssue, ImportRowResult } from "@contract/facilities.ts";
import { Table } from "../ui/Table.tsx";
import { errorText } from "../i18n/i18n.ts";
import { Banner } from "../ui/Banner.tsx";
import { tx, typeLabel } from "./messages.ts";
import { models } from "./models.ts";

function reasonText(issue: ImportIssue, row: ImportRowResult): string {
  const of = row.duplicateOf;
  if (issue.code === "duplicate" && of) {
    const what = of.id ? tx("fac.duplicate.stored", { name: of.name }) : tx("fac.duplicate.line", { line: of.line ?? "?" });
    return tx("fac.issue.duplicate", { what, m: of.distanceM });
  }
  return tx(`fac.issue.${issue.code}`, { column: issue.column });
}

/**
 * CSV import in two steps: pick a file and check it (a dry run: every row's outcome, nothing written),
 * then import the valid rows. Invalid rows stay in the table with their line and reasons.
 */
export function FacilityImport() {
  const { facilities } = models;
  const csv = useSignal<string | null>(null);
  const result = facilities.imported.value;

  const choose = async (file: File | undefined) => {
    facilities.imported.value = null;
    csv.value = file ? await file.text() : null;
  };
  const error = useSignal<unknown>(null);
  // The outcome is the table below, not a notice line; only a failure of the whole file is shown above it.
  const send = async (dryRun: boolean) => {
    if (csv.value === null) return;
    error.value = null;
    try {
      await facilities.importCsv(csv.value, dryRun);
      if (!dryRun) csv.value = null;
    } catch (err) {
      error.value = err;
    }
  };
  const check = () => send(true);
  const importNow = () => send(false);

  return (
    <section class="facility-import" data-testid="facility-import">
      <h2>{tx("fac.import.title")}</h2>
      <p class="muted">{tx("fac.import.hint")}</p>
      <label>
        {tx("fac.import.file")}{" "}
        <input type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.currentTarget.files?.[0])} data-testid="facility-import-file" />
      </label>{" "}
      <button type="button" class="button-quiet" disabled={csv.value === null} onClick={() => void check()} data-testid="facility-import-check">
        {tx("fac.import.check")}
      </button>{" "}
      {result?.dryRun && result.valid > 0 && csv.value !== null ? (
        <button type="button" class="button" onClick={() => void importNow()} data-testid="facility-import-run">
          {tx("fac.import.run", { n: result.valid })}
        </button>
      ) : null}
      {error.value ? <Banner kind="error">{errorText(error.value)}</Banner> : null}
      {result ? (
        <>
          <p data-testid="facility-import-summary">
            {tx(result.dryRun ? "fac.import.summary" : "fac.import.done", { total: result.total, valid: result.valid, invalid: result.invalid, duplicates: result.duplicates, inserted: result.inserted })}
          </p>
          <Table columns={[tx("fac.import.line"), tx("fac.import.result"), tx("fac.name"), tx("fac.type"), tx("fac.place"), tx("fac.import.reasons")]} testId="facility-import-rows">
            {result.rows.map((r) => (
              <ImportRow key={r.line} r={r} />
            ))}
          </Table>
        </>
      ) : null}
    </section>
  );
}

function ImportRow({ r }: { r: ImportRowResult }) {
  return (
    <tr data-testid="facility-import-row" data-status={r.status} data-line={r.line}>
      <td>{r.line}</td>
      <td class={r.status === "invalid" ? "facility-invalid" : r.status === "duplicate" ? "facility-duplicate" : undefined}>{tx(`fac.import.status.${r.status}`)}</td>
      <td>{r.name ?? "—"}</td>
      <td>{r.type ? typeLabel(r.type) : "—"}</td>
      <td>{r.kecamatan ? [r.kecamatan.nama, r.desa?.nama].filter(Boolean).join(" / ") : "—"}</td>
      <td>{r.reasons.map((issue) => reasonText(issue, r)).join("; ")}</td>
    </tr>
  );
}
