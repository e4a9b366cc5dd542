import { useSignal } from "@preact/signals";
import type { AdminUserView } from "@contract/users.ts";
import { models } from "./models.ts";
import { errorText, fieldErrors, t } from "../i18n/i18n.ts";
import { Banner } from "../ui/Banner.tsx";
import { Field, TextField } from "../ui/TextField.tsx";
import { ROLES } from "./roles.ts";
import { draftToUpdate, emptyDraft, userToDraft, type UserDraft } from "./users.model.ts";
import { KecamatanOptions } from "../ui/KecamatanOptions.tsx";

interface Props {
  /** null: a new account. */
  user: AdminUserView | null;
  kecamatan: { kode: string; nama: string }[];
  onDone: (user: AdminUserView) => void;
  onCancel: () => void;
}

/** Create or edit an account. Officer and verifier fields appear only for the role that has them. */
export function UserForm({ user, kecamatan, onDone, onCancel }: Props) {
  const draft = useSignal<UserDraft>(user ? userToDraft(user) : emptyDraft());
  const state = useSignal<{ busy?: boolean; error?: unknown }>({});
  const set = <K extends keyof UserDraft>(key: K, value: UserDraft[K]) => (draft.value = { ...draft.value, [key]: value });

  const submit = async (e: Event) => {
    e.preventDefault();
    state.value = { busy: true };
    try {
      const saved = user ? await models.users.update(user.id, draftToUpdate(draft.value)) : await models.users.create(draft.value);
      state.value = {};
      onDone(saved);
    } catch (error) {
      state.value = { error };
    }
  };

  const d = draft.value;
  const fields = fieldErrors(state.value.error);
  const groupError = (name: string) => fields[name] ?? Object.entries(fields).find(([k]) => k.startsWith(`${name}.`))?.[1];
  const toggleRegion = (kode: string, on: boolean) =>
    set("verifierRegions", on ? [...d.verifierRegions, kode].sort() : d.verifierRegions.filter((k) => k !== kode));

  return (
    <form class="form panel" onSubmit={submit} noValidate data-testid="user-form">
      <h2>{user ? t("userForm.editTitle", { username: user.username }) : t("userForm.createTitle")}</h2>
      {state.value.error ? <Banner kind="error" testId="user-form-error">{errorText(state.value.error)}</Banner> : null}
      {user ? null : (
        <TextField label={t("userForm.username")} name="username" value={d.username} onInput={(v) => set("username", v)} error={fields.username} autoComplete="off" required />
      )}
      <TextField label={t("userForm.displayName")} name="displayName" value={d.displayName} onInput={(v) => set("displayName", v)} error={fields.displayName} required />
      <Field label={t("userForm.role")} name="role" error={fields.role}>
        <select id="f-role" name="role" value={d.role} onChange={(e) => set("role", e.currentTarget.value as UserDraft["role"])} required>
          <option value="">{t("userForm.choose")}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      {d.role === "officer" ? (
        <Field label={t("userForm.kecamatanKode")} name="kecamatanKode" error={fields.kecamatanKode}>
          <select id="f-kecamatanKode" name="kecamatanKode" value={d.kecamatanKode} onChange={(e) => set("kecamatanKode", e.currentTarget.value)} required>
            <option value="">{t("userForm.choose")}</option>
            <KecamatanOptions kecamatan={kecamatan} />
          </select>
        </Field>
      ) : null}
      {d.role === "verifier" ? (
        <fieldset class={groupError("verifierRegions") ? "field field--invalid" : "field"}>
          <legend>{t("userForm.verifierRegions")}</legend>
          <div class="checks">
            {kecamatan.map((k) => (
              <label key={k.kode} class="check">
                <input
                  type="checkbox"
                  name="verifierRegions"
                  value={k.kode}
                  checked={d.verifierRegions.includes(k.kode)}
                  onChange={(e) => toggleRegion(k.kode, e.currentTarget.checked)}
                />
                {k.nama}
              </label>
            ))}
          </div>
          <small class="field-hint">{t("userForm.verifierRegionsHint")}</small>
          {groupError("verifierRegions") ? <p class="field-error" data-field-error="verifierRegions">{groupError("verifierRegions")}</p> : null}
        </fieldset>
      ) : null}
      <TextField label={t("userForm.position")} name="position" value={d.position} onInput={(v) => set("position", v)} error={fields.position} />
      <TextField label={t("userForm.nip")} name="nip" value={d.nip} onInput={(v) => set("nip", v)} error={fields.nip} inputMode="numeric" />
      <TextField label={t("userForm.phone")} name="phone" type="tel" value={d.phone} onInput={(v) => set("phone", v)} error={fields.phone} />
      {user ? null : (
        <TextField
          label={t("userForm.password")}
          name="password"
          type="password"
          value={d.password}
          onInput={(v) => set("password", v)}
          error={fields.password}
          hint={t("userForm.passwordHint")}
          autoComplete="new-password"
        />
      )}
      <div class="form-actions">
        <button type="submit" class="button" data-testid="user-save" disabled={state.value.busy}>
          {user ? t("common.save") : t("userForm.create")}
        </button>
        <button type="button" class="button-quiet" data-testid="user-cancel" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}

