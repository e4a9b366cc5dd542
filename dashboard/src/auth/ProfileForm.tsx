import { useSignal } from "@preact/signals";
import type { SessionUser } from "@contract/auth.ts";
import { models } from "../app/models.ts";
import { t } from "../i18n/i18n.ts";
import { Banner } from "../ui/Banner.tsx";
import { errorText, fieldErrors } from "../ui/error-text.ts";
import { TextField } from "../ui/TextField.tsx";

/** The two things users may change about themselves; the rest belongs to the admin. */
export function ProfileForm({ user }: { user: SessionUser }) {
  const displayName = useSignal(user.displayName);
  const phone = useSignal(user.phone ?? "");
  const state = useSignal<{ error?: unknown; saved?: boolean; busy?: boolean }>({});

  const submit = async (e: Event) => {
    e.preventDefault();
    state.value = { busy: true };
    try {
      await models.session.updateProfile({ displayName: displayName.value, phone: phone.value || null });
      state.value = { saved: true };
    } catch (error) {
      state.value = { error };
    }
  };

  const fields = fieldErrors(state.value.error);
  return (
    <form class="form" onSubmit={submit} noValidate data-testid="profile-form">
      {state.value.error ? <Banner kind="error">{errorText(state.value.error)}</Banner> : null}
      {state.value.saved ? <Banner kind="success">{t("profile.saved")}</Banner> : null}
      <TextField label={t("profile.displayName")} name="displayName" value={displayName.value} onInput={(v) => (displayName.value = v)} error={fields.displayName} required />
      <TextField label={t("profile.phone")} name="phone" type="tel" value={phone.value} onInput={(v) => (phone.value = v)} error={fields.phone} autoComplete="tel" />
      <button type="submit" class="button" data-testid="profile-save" disabled={state.value.busy}>
        {t("common.save")}
      </button>
    </form>
  );
}
