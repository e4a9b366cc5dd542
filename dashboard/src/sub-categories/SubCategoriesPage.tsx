import "./sub-categories.css";
import { useEffect } from "preact/hooks";
import { models } from "./models.ts";
import { t } from "../i18n/i18n.ts";
import { PageNotices, useNotice } from "../ui/notice.tsx";
import { BIDANG } from "./bidang.ts";
import { SubCategoryGroup } from "./SubCategoryGroup.tsx";

/** The report form's sub-categories, one block per bidang: add, rename, reorder, retire and restore. */
export function SubCategoriesPage() {
  const { subCategories } = models;
  /** Each change says what happened; on failure the caller keeps its input. */
  const { notice, run } = useNotice();
  useEffect(() => {
    void subCategories.load();
  }, [subCategories]);

  const groups = subCategories.groups.value;
  return (
    <div class="page">
      <h1>{t("subcat.title")}</h1>
      <p class="muted">{t("subcat.intro")}</p>
      <PageNotices notice={notice.value} testId="subcat-notice" loadError={subCategories.error.value} />
      {subCategories.loading.value && !subCategories.items.value.length ? <p class="muted">{t("common.loading")}</p> : null}
      {BIDANG.map((bidang) => (
        <SubCategoryGroup key={bidang} bidang={bidang} list={groups[bidang]} run={run} />
      ))}
    </div>
  );
}
