import { models } from "../app/models.ts";
import { t } from "../i18n/i18n.ts";
import { Banner } from "../ui/Banner.tsx";
import { PasswordForm } from "./PasswordForm.tsx";
import { ProfileForm } from "./ProfileForm.tsx";
import { NotificationSettings } from "../notifications/NotificationSettings.tsx";
import { DeleteAccount } from "../guests/DeleteAccount.tsx";

export function ProfilePage() {
  const user = models.session.user.value;
  if (!user) return null;
  const kecamatan = models.mapData.kecamatan.value?.features.find((f) => f.properties.kode === user.kecamatanKode)?.properties.nama;
  return (
    <div class="page page-narrow">
      <h1>{t("profile.title")}</h1>
      {user.mustChangePassword ? (
        <Banner kind="info" testId="must-change-password">
          {t("password.mustChange")}
        </Banner>
      ) : null}
      <dl class="facts">
        <dt>{t("profile.username")}</dt>
        <dd>{user.username}</dd>
        <dt>{t("profile.role")}</dt>
        <dd>{t(`role.${user.role}`)}</dd>
        {user.kecamatanKode ? (
          <>
            <dt>{t("profile.kecamatan")}</dt>
            <dd>{kecamatan ?? user.kecamatanKode}</dd>
          </>
        ) : null}
        {user.position ? (
          <>
            <dt>{t("profile.position")}</dt>
            <dd>{user.position}</dd>
          </>
        ) : null}
        {user.nip ? (
          <>
            <dt>{t("profile.nip")}</dt>
            <dd>{user.nip}</dd>
          </>
        ) : null}
      </dl>
      <ProfileForm key={user.id} user={user} />
      <NotificationSettings />
      <h2>{t("password.title")}</h2>
      <PasswordForm />
      {user.role === "guest" ? <DeleteAccount /> : null}
    </div>
  );
}
