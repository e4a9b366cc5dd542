import { useSignal } from "@preact/signals";
import { models } from "../app/models.ts";
import { t } from "../i18n/i18n.ts";
import { Banner } from "../ui/Banner.tsx";
import { errorText, fieldErrors } from "../ui/error-text.ts";
import { TextField } from "../ui/TextField.tsx";

/** Change one's own password; the server ends the other sessions and keeps this one. */
export function PasswordForm() {
  const currentPassword = useSignal("");
  const newPassword = useSignal("");
  const confirm = useSignal("");
  const state = useSignal<{ error?: unknown; mismatch?: boolean; done?: boolean; busy?: boolean }>({});

  const submit = async (e: Event) => {
    e.preventDefault();
    if (newPassword.value !== confirm.value) {
      state.value = { mismatch: true };
      return;
    }
    state.value = { busy: true };
    try {
      await models.session.changePassword({ currentPassword: currentPassword.value, newPassword: newPassword.value });
      currentPassword.value = newPassword.value = confirm.value = "";
      state.value = { done: true };
    } catch (error) {
      state.value = { error };
    }
  };

  const fields = fieldErrors(state.value.error);
  return (
    <form class="form" onSubmit={submit} noValidate data-testid="password-form">
      {state.value.error ? <Banner kind="error">{errorText(state.value.error)}</Banner> : null}
      {state.value.done ? <Banner kind="success">{t("password.changed")}</Banner> : null}
      <TextField
        label={t("password.current")}
        name="currentPassword"
        type="password"
        value={currentPassword.value}
        onInput={(v) => (currentPassword.value = v)}
        error={fields.currentPassword}
        autoComplete="current-password"
        required
      />
      <TextField
        label={t("password.new")}
        name="newPassword"
        type="password"
        value={newPassword.value}
        onInput={(v) => (newPassword.value = v)}
        error={fields.newPassword}
        hint={t("password.hint")}
        autoComplete="new-password"
        required
      />
      <TextField
        label={t("password.confirm")}
        name="confirmPassword"
        type="password"
        value={confirm.value}
        onInput={(v) => (confirm.value = v)}
        error={state.value.mismatch ? t("password.mismatch") : undefined}
        autoComplete="new-password"
        required
      />
      <button type="submit" class="button" data-testid="password-submit" disabled={state.value.busy}>
        {t("password.submit")}
      </button>
    </form>
  );
}
