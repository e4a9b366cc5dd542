import { DEFAULT_SUB_CATEGORIES, type Bidang, type SubCategoryView } from "@contract/reports.ts";
import { bySortThenName } from "./list.ts";

/**
 * The sub-categories the form offers for a bidang: the server's active ones (from this session or the
 * cache) in their order; the contract's defaults on a phone that never got the list. `current` is the
 * value of a refused report being fixed: kept when the server still accepts it (a retired one is), left
 * out when it does not know it — intake would refuse it again (400 `fields.subCategory`).
 */
export function subCategoryNames(list: readonly SubCategoryView[] | null, bidang: string, current = ""): string[] {
  if (!bidang) return [];
  if (!list) {
    const defaults = DEFAULT_SUB_CATEGORIES[bidang as Bidang] ?? [];
    return current && !defaults.includes(current) ? [...defaults, current] : [...defaults];
  }
  const ofBidang = list.filter((c) => c.bidang === bidang);
  const names = ofBidang
    .filter((c) => c.active)
    .sort(bySortThenName)
    .map((c) => c.name);
  if (current && !names.includes(current) && ofBidang.some((c) => c.name === current)) names.push(current);
  return names;
}
