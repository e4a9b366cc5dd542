import type { Bidang, SubCategoryView } from "@contract/reports.ts";
import { t } from "../i18n/i18n.ts";
import { AddSubCategoryForm } from "./AddSubCategoryForm.tsx";
import { SubCategoryRow } from "./SubCategoryRow.tsx";

/** Runs a change and shows its outcome on the page; resolves whether it worked. */
export type RunAction = (action: () => Promise<unknown>, success: string) => Promise<boolean>;

/** One bidang: its sub-categories in form order (retired ones greyed in place) and the add form. */
export function SubCategoryGroup({ bidang, list, run }: { bidang: Bidang; list: SubCategoryView[]; run: RunAction }) {
  return (
    <section class="subcat-group" data-testid="subcat-group" data-bidang={bidang} aria-labelledby={`subcat-${bidang}`}>
      <h2 id={`subcat-${bidang}`}>{t(`bidang.${bidang}`)}</h2>
      {list.length ? (
        <table class="table">
          <thead>
            <tr>
              <th>{t("subcat.colSort")}</th>
              <th>{t("subcat.colName")}</th>
              <th>{t("subcat.colStatus")}</th>
              <th>{t("subcat.colActions")}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((c, i) => (
              <SubCategoryRow key={c.id} item={c} first={i === 0} last={i === list.length - 1} run={run} />
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">{t("subcat.empty")}</p>
      )}
      <AddSubCategoryForm bidang={bidang} run={run} />
    </section>
  );
}
