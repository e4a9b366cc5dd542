import { useContext } from "preact/hooks";
import { useSignal } from "@preact/signals";
import { AppContext } from "../app/context.ts";
import { fieldErrors, t, type MessageKey } from "../i18n/i18n.ts";

const FIELDS = [
  { name: "currentPassword", label: "pw.current", autocomplete: "current-password" },
  { name: "newPassword", label: "pw.new", autocomplete: "new-password", hint: "pw.hint" },
  { name: "confirmPassword", label: "pw.confirm", autocomplete: "new-password" },
] as const satisfies readonly { name: string; label: MessageKey; autocomplete: string; hint?: MessageKey }[];

/**
 * The temporary password an admin issued must be replaced before the officer reaches the home screen.
 * Field names follow the API (`currentPassword`, `newPassword`) so the server's field errors land beside
 * them. On success the session user no longer has `mustChangePassword` and the app moves on by itself.
 */
export function ChangePasswordView() {
  const { session, connection } = useContext(AppContext);
  const busy = useSignal(false);
  const errors = useSignal<Record<string, string>>({});
  const failure = useSignal<string | null>(null);
  const user = session.user.value;

  async function submit(e: Event) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    failure.value = null;
    if (value("newPassword") !== value("confirmPassword")) return void (errors.value = { confirmPassword: t("pw.mismatch") });
    errors.value = {};
    busy.value = true;
    const outcome = await session.changePassword(value("currentPassword"), value("newPassword"));
    busy.value = false;
    if (outcome.ok) return;
    if (outcome.reason === "fields") {
      errors.value = fieldErrors(outcome.error);
      if (!Object.keys(outcome.error.fields).length) failure.value = t("login.invalid");
    } else failure.value = t(outcome.reason === "network" ? "pw.network" : outcome.reason === "throttled" ? "login.throttledSoon" : "login.server");
  }

  return (
    <main class="login" data-testid="change-password">
      <div class="login__head">
        <h1>{t("pw.title")}</h1>
        {user && <p class="muted">{t("pw.signedInAs", { name: user.displayName })}</p>}
      </div>
      <p class="banner banner--warn">{t("pw.mustChange")}</p>
      {!connection.online.value && <p class="banner">{t("pw.offline")}</p>}
      <form class="panel stack" onSubmit={submit} noValidate>
        {FIELDS.map((f) => {
          const error = errors.value[f.name];
          const id = `f-${f.name}`;
          return (
            <div key={f.name} class={`field${error ? " field--error" : ""}`}>
              <label class="field__label" for={id}>
                {t(f.label)}
              </label>
              <input
                id={id}
                name={f.name}
                type="password"
                autocomplete={f.autocomplete}
                required
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-err` : undefined}
              />
              {"hint" in f && <p class="small muted">{t(f.hint)}</p>}
              {error && (
                <p class="error small" id={`${id}-err`} role="alert" data-field-error={f.name}>
                  {error}
                </p>
              )}
            </div>
          );
        })}
        {failure.value && (
          <p class="error" role="alert">
            {failure.value}
          </p>
        )}
        <button type="submit" class="btn btn--primary btn--block" data-testid="password-submit" disabled={busy.value}>
          {busy.value ? t("pw.busy") : t("pw.submit")}
        </button>
      </form>
      <button type="button" class="link center" onClick={() => void session.logout()}>
        {t("app.logout")}
      </button>
    </main>
  );
}
