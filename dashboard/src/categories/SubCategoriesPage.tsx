import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { models } from "../app/models.ts";
import { t } from "../i18n/i18n.ts";
import { Banner } from "../ui/Banner.tsx";
import { errorText } from "../ui/error-text.ts";
import { BIDANG } from "./bidang.ts";
import { SubCategoryGroup, type RunAction } from "./SubCategoryGroup.tsx";

type Notice = { kind: "success" | "error"; text: string } | null;

/** The report form's sub-categories, one block per bidang: add, rename, reorder, retire and restore. */
export function SubCategoriesPage() {
  const { subCategories } = models;
  const notice = useSignal<Notice>(null);
  useEffect(() => {
    void subCategories.load();
  }, [subCategories]);

  /** Run one change; say what happened. Resolves false on failure (the caller keeps its input). */
  const run: RunAction = async (action, success) => {
    notice.value = null;
    try {
      await action();
      notice.value = { kind: "success", text: success };
      return true;
    } catch (err) {
      notice.value = { kind: "error", text: errorText(err) };
      return false;
    }
  };

  const groups = subCategories.groups.value;
  return (
    <div class="page">
      <h1>{t("subcat.title")}</h1>
      <p class="muted">{t("subcat.intro")}</p>
      {notice.value ? (
        <Banner kind={notice.value.kind} testId="subcat-notice">
          {notice.value.text}
        </Banner>
      ) : null}
      {subCategories.error.value ? <Banner kind="error">{errorText(subCategories.error.value)}</Banner> : null}
      {subCategories.loading.value && !subCategories.items.value.length ? <p class="muted">{t("common.loading")}</p> : null}
      {BIDANG.map((bidang) => (
        <SubCategoryGroup key={bidang} bidang={bidang} list={groups[bidang]} run={run} />
      ))}
    </div>
  );
}
