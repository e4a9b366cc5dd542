import { useSignal } from "@preact/signals";
import type { Bidang } from "@contract/reports.ts";
import { isApiError } from "@kit/api-error.ts";
import { models } from "./models.ts";
import { fieldErrors, t } from "../i18n/i18n.ts";
import type { RunAction } from "../ui/notice.tsx";

/** Add a sub-category to one bidang, at the end of its list. A name already there is shown beside the field. */
export function AddSubCategoryForm({ bidang, run }: { bidang: Bidang; run: RunAction }) {
  const name = useSignal("");
  const error = useSignal<unknown>(null);
  const busy = useSignal(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    busy.value = true;
    error.value = null;
    const added = name.value.trim();
    const ok = await run(async () => {
      try {
        await models.subCategories.create({ bidang, name: added });
      } catch (err) {
        error.value = err;
        throw err;
      }
    }, t("subcat.added", { name: added }));
    busy.value = false;
    if (ok) name.value = "";
  };

  const err = error.value;
  // Other failures (network, rights) are on the page's banner; these belong beside the field.
  const message = isApiError(err) && err.code === "conflict" ? t("subcat.exists") : fieldErrors(err).name;
  const id = `subcat-add-${bidang}`;
  return (
    <form class="subcat-add" onSubmit={submit} noValidate data-testid="subcat-add">
      <div class={message ? "field field--invalid" : "field"}>
        <label for={id}>{t("subcat.addLabel")}</label>
        <div class="subcat-add-row">
          <input
            id={id}
            name="name"
            maxLength={80}
            value={name.value}
            onInput={(e) => (name.value = e.currentTarget.value)}
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? `${id}-error` : undefined}
          />
          <button type="submit" class="button" data-testid="subcat-add-submit" disabled={busy.value}>
            {t("subcat.add")}
          </button>
        </div>
        {message ? (
          <p class="field-error" id={`${id}-error`} data-field-error="name" role="alert">
            {message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
