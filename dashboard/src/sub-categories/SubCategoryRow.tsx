import { useSignal } from "@preact/signals";
import type { SubCategoryView } from "@contract/reports.ts";
import { models } from "./models.ts";
import { t } from "../i18n/i18n.ts";
import type { RunAction } from "../ui/notice.tsx";

interface Props {
  item: SubCategoryView;
  first: boolean;
  last: boolean;
  run: RunAction;
}

/** One sub-category: its place (number or up/down), its name (renamed in place), active or retired. */
export function SubCategoryRow({ item, first, last, run }: Props) {
  const { subCategories } = models;
  const renaming = useSignal<string | null>(null);
  const saved = t("subcat.saved");

  const commitSort = (raw: string) => {
    const sort = Number(raw);
    if (raw.trim() === "" || !Number.isInteger(sort) || sort === item.sort) return;
    void run(() => subCategories.setSort(item.id, sort), saved);
  };
  const commitName = async (e: Event) => {
    e.preventDefault();
    const name = renaming.value?.trim() ?? "";
    if (!name || name === item.name) return void (renaming.value = null);
    if (await run(() => subCategories.rename(item.id, name), t("subcat.renamed", { from: item.name, to: name }))) renaming.value = null;
  };
  const toggleActive = () => {
    if (item.active && !confirm(t("subcat.confirmRetire", { name: item.name }))) return;
    void run(() => subCategories.setActive(item.id, !item.active), item.active ? t("subcat.retiredDone", { name: item.name }) : t("subcat.restoredDone", { name: item.name }));
  };

  return (
    <tr data-testid="subcat-row" data-name={item.name} data-active={String(item.active)} class={item.active ? undefined : "row-inactive"}>
      <td class="nowrap">
        <input
          class="subcat-sort"
          type="number"
          name="sort"
          min={0}
          max={1000}
          step={1}
          aria-label={t("subcat.sortOf", { name: item.name })}
          value={item.sort}
          onChange={(e) => commitSort(e.currentTarget.value)}
        />
        <button type="button" class="button-quiet" data-testid="subcat-up" disabled={first} aria-label={t("subcat.up", { name: item.name })} onClick={() => void run(() => subCategories.move(item.id, -1), saved)}>
          ↑
        </button>
        <button type="button" class="button-quiet" data-testid="subcat-down" disabled={last} aria-label={t("subcat.down", { name: item.name })} onClick={() => void run(() => subCategories.move(item.id, 1), saved)}>
          ↓
        </button>
      </td>
      <td>
        {renaming.value === null ? (
          <strong>{item.name}</strong>
        ) : (
          <form class="subcat-rename" onSubmit={commitName}>
            <input name="name" aria-label={t("subcat.newName")} value={renaming.value} maxLength={80} onInput={(e) => (renaming.value = e.currentTarget.value)} required />
            <button type="submit" class="button" data-testid="subcat-rename-save">
              {t("common.save")}
            </button>
            <button type="button" class="button-quiet" onClick={() => (renaming.value = null)}>
              {t("common.cancel")}
            </button>
          </form>
        )}
      </td>
      <td>
        {item.active ? (
          t("subcat.active")
        ) : (
          <>
            {t("subcat.retired")}
            <div class="muted">{t("subcat.retiredHint")}</div>
          </>
        )}
      </td>
      <td>
        <div class="actions">
          <button type="button" class="button-quiet" data-testid="subcat-rename" onClick={() => (renaming.value = item.name)} disabled={renaming.value !== null}>
            {t("subcat.rename")}
          </button>
          <button type="button" class="button-quiet" data-testid="subcat-toggle-active" onClick={toggleActive}>
            {item.active ? t("subcat.retire") : t("subcat.restore")}
          </button>
        </div>
      </td>
    </tr>
  );
}
