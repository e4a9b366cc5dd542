import { t } from "../i18n/i18n.ts";
import { applyUpdate, updateWaiting } from "./register.ts";

export function UpdateBanner() {
  if (!updateWaiting.value) return null;
  return (
    <div class="banner banner--info update">
      <span>{t("app.update")}</span>
      <button type="button" class="btn btn--small" onClick={applyUpdate}>
        {t("app.updateNow")}
      </button>
    </div>
  );
}
