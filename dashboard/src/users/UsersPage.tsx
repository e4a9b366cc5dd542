import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { AdminUserView } from "@contract/users.ts";
import { models } from "./models.ts";
import { t } from "../i18n/i18n.ts";
import { kecamatanOptions } from "../map/map-data.model.ts";
import { PageNotices, useNotice } from "../ui/notice.tsx";
import { OneTimePasswordNotice } from "./OneTimePasswordNotice.tsx";
import { UserFilters } from "./UserFilters.tsx";
import { UserForm } from "./UserForm.tsx";
import { UsersTable } from "./UsersTable.tsx";
import { PAGE_SIZE } from "./users.model.ts";

/** Account administration: search, create, edit, disable, reset password. */
export function UsersPage() {
  const { users, mapData } = models;
  const editing = useSignal<AdminUserView | "new" | null>(null);
  const { notice, run } = useNotice();
  useEffect(() => {
    void users.load();
  }, [users]);

  const kecamatan = kecamatanOptions(mapData.kecamatan.value);
  const kecamatanName = (kode: string) => kecamatan.find((k) => k.kode === kode)?.nama ?? kode;

  const toggleActive = (u: AdminUserView) => {
    if (u.active && !confirm(t("users.confirmDisable", { username: u.username }))) return;
    void run(() => users.update(u.id, { active: !u.active }), t("users.saved", { username: u.username }));
  };
  const resetPassword = (u: AdminUserView) => {
    if (!confirm(t("users.confirmReset", { username: u.username }))) return;
    void run(() => users.resetPassword(u.id), t("users.saved", { username: u.username }));
  };
  const done = (u: AdminUserView) => {
    notice.value = { kind: "success", text: editing.value === "new" ? t("users.created", { username: u.username }) : t("users.saved", { username: u.username }) };
    editing.value = null;
  };

  const { offset, total } = users;
  const current = editing.value;
  return (
    <div class="page">
      <div class="page-head">
        <h1>{t("users.title")}</h1>
        <button type="button" class="button" data-testid="user-new" onClick={() => (editing.value = "new")}>
          {t("users.new")}
        </button>
      </div>
      <OneTimePasswordNotice />
      <PageNotices notice={notice.value} testId="users-notice" loadError={users.error.value} />
      {current ? (
        <UserForm
          key={current === "new" ? "new" : current.id}
          user={current === "new" ? null : current}
          kecamatan={kecamatan}
          onDone={done}
          onCancel={() => (editing.value = null)}
        />
      ) : null}
      <UserFilters kecamatan={kecamatan} />
      <UsersTable kecamatanName={kecamatanName} onEdit={(u) => (editing.value = u)} onToggleActive={toggleActive} onResetPassword={resetPassword} />
      <div class="pager">
        <span class="muted">{t("users.total", { count: total.value })}</span>
        <button type="button" class="button-quiet" disabled={offset.value === 0} onClick={() => void users.page(-1)}>
          {t("common.previous")}
        </button>
        <button type="button" class="button-quiet" disabled={offset.value + PAGE_SIZE >= total.value} onClick={() => void users.page(1)}>
          {t("common.next")}
        </button>
      </div>
    </div>
  );
}
