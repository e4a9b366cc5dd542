import type { Bidang, SubCategoryView } from "@contract/reports.ts";
import { t } from "../i18n/i18n.ts";
import type { RunAction } from "../ui/notice.tsx";
import { Table } from "../ui/Table.tsx";
import { AddSubCategoryForm } from "./AddSubCategoryForm.tsx";
import { SubCategoryRow } from "./SubCategoryRow.tsx";

/** One bidang: its sub-categories in form order (retired ones greyed in place) and the add form. */
export function SubCategoryGroup({ bidang, list, run }: { bidang: Bidang; list: SubCategoryView[]; run: RunAction }) {
  return (
    <section class="subcat-group" data-testid="subcat-group" data-bidang={bidang} aria-labelledby={`subcat-${bidang}`}>
      <h2 id={`subcat-${bidang}`}>{t(`bidang.${bidang}`)}</h2>
      {list.length ? (
        <Table columns={[t("subcat.colSort"), t("subcat.colName"), t("subcat.colStatus"), t("subcat.colActions")]}>
          {list.map((c, i) => (
            <SubCategoryRow key={c.id} item={c} first={i === 0} last={i === list.length - 1} run={run} />
          ))}
        </Table>
      ) : (
        <p class="muted">{t("subcat.empty")}</p>
      )}
      <AddSubCategoryForm bidang={bidang} run={run} />
    </section>
  );
}
