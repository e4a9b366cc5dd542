import { useSignal } from "@preact/signals";
import type { SessionUser } from "@contract/auth.ts";
import { models } from "../app/models.ts";
import { t } from "../i18n/i18n.ts";
import { SubmitForm } from "../ui/form.tsx";

/** The two things users may change about themselves; the rest belongs to the admin. */
export function ProfileForm({ user }: { user: SessionUser }) {
  const values = useSignal({ displayName: user.displayName, phone: user.phone ?? "" });
  const save = () => models.session.updateProfile({ displayName: values.value.displayName, phone: values.value.phone || null }).then(() => true);
  return (
    <SubmitForm
      run={save}
      values={values}
      specs={[
        { name: "displayName", label: t("profile.displayName"), required: true },
        { name: "phone", label: t("profile.phone"), type: "tel", autoComplete: "tel" },
      ]}
      testIds={["profile-form", "profile-save"]}
      submitLabel={t("common.save")}
      doneText={t("profile.saved")}
    />
  );
}
