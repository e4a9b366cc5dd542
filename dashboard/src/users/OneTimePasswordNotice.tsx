import "./users.css";
import { models } from "./models.ts";
import { t } from "../i18n/i18n.ts";

/**
 * The password the server generated, shown once, prominently, until the admin confirms they noted it.
 * It lives only in memory: never stored, gone on reload, as the server intends.
 */
export function OneTimePasswordNotice() {
  const issued = models.users.issued.value;
  if (!issued) return null;
  return (
    <section class="otp" role="alert" data-testid="one-time-password">
      <h2>{t("otp.title")}</h2>
      <p>{t("otp.body", { username: issued.username })}</p>
      <p>
        <code class="otp-value" data-testid="one-time-password-value">
          {issued.password}
        </code>
      </p>
      <button type="button" class="button" data-testid="one-time-password-done" onClick={() => models.users.dismissIssued()}>
        {t("otp.done")}
      </button>
    </section>
  );
}
