import { useSignal } from "@preact/signals";
import { models } from "../app/models.ts";
import { t } from "../i18n/i18n.ts";
import { SubmitForm, type FieldSpec } from "../ui/form.tsx";

const EMPTY = { currentPassword: "", newPassword: "", confirmPassword: "" };

/** Change one's own password; the server ends the other sessions and keeps this one. */
export function PasswordForm() {
  const values = useSignal(EMPTY);
  const mismatch = useSignal(false);
  async function change() {
    const { currentPassword, newPassword, confirmPassword } = values.value;
    mismatch.value = newPassword !== confirmPassword;
    if (mismatch.value) return false;
    await models.session.changePassword({ currentPassword, newPassword });
    values.value = EMPTY;
  }
  const specs: FieldSpec<keyof typeof EMPTY>[] = [
    { name: "currentPassword", label: t("password.current"), type: "password", autoComplete: "current-password", required: true },
    { name: "newPassword", label: t("password.new"), type: "password", hint: t("password.hint"), autoComplete: "new-password", required: true },
    { name: "confirmPassword", label: t("password.confirm"), type: "password", autoComplete: "new-password", required: true, error: mismatch.value ? t("password.mismatch") : undefined },
  ];
  return <SubmitForm run={change} values={values} specs={specs} testIds={["password-form", "password-submit"]} submitLabel={t("password.submit")} doneText={t("password.changed")} />;
}
