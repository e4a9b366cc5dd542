import { formatStamp } from "@kit/wita.ts";
import { errorText, locale, t } from "../i18n/i18n.ts";
import { models } from "./models.ts";

/**
 * Who is deciding on this report now: this desk (its lease renews while the page is open), another
 * verifier (decisions are off; an admin may break the claim), or nobody.
 */
export function ClaimBar({ timeZone }: { timeZone?: string }) {
  const { detail, session } = models;
  const holder = detail.holder.value;
  const me = session.user.value;
  const role = session.role.value;
  const mine = holder && holder.holderId === me?.id;
  return (
    <div class={`claim-bar${holder && !mine ? " claim-bar--other" : ""}`} data-testid="claim-bar" data-holder={holder?.holderName ?? ""} data-mine={mine ? "true" : "false"} role="status">
      {holder ? (
        <span>
          {mine ? t("claim.mineUntil", { at: formatStamp(holder.expiresAt, locale.value, timeZone) }) : t("claim.heldUntil", { name: holder.holderName, at: formatStamp(holder.expiresAt, locale.value, timeZone) })}
        </span>
      ) : (
        <span>{t("claim.free")}</span>
      )}
      {holder && !mine && role === "admin" ? (
        <button type="button" class="button-quiet" data-testid="claim-break" onClick={() => void detail.breakClaim().catch(() => undefined)}>
          {t("claim.break")}
        </button>
      ) : null}
      {!holder && role === "verifier" ? (
        <button type="button" class="button-quiet" data-testid="claim-take" onClick={() => void detail.claim()}>
          {t("claim.take")}
        </button>
      ) : null}
      {detail.claimError.value ? <span class="field-error">{errorText(detail.claimError.value)}</span> : null}
    </div>
  );
}
