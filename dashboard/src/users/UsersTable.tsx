import type { AdminUserView } from "@contract/users.ts";
import { formatStamp } from "@kit/wita.ts";
import { models } from "./models.ts";
import { locale, t } from "../i18n/i18n.ts";
import { Table } from "../ui/Table.tsx";

interface Props {
  kecamatanName: (kode: string) => string;
  onEdit: (user: AdminUserView) => void;
  onToggleActive: (user: AdminUserView) => void;
  onResetPassword: (user: AdminUserView) => void;
}

function region(u: AdminUserView, name: (kode: string) => string): string {
  if (u.role === "officer" && u.kecamatanKode) return name(u.kecamatanKode);
  if (u.role === "verifier") return u.verifierRegions.length ? u.verifierRegions.map(name).join(", ") : t("users.allRegions");
  return t("common.none");
}

export function UsersTable({ kecamatanName, onEdit, onToggleActive, onResetPassword }: Props) {
  const list = models.users.users.value;
  if (!list.length && !models.users.loading.value) return <p class="muted">{t("users.empty")}</p>;
  const zone = models.mapData.config.value?.timeZone;
  return (
    <Table columns={[t("users.colUser"), t("users.colRole"), t("users.colRegion"), t("users.colStatus"), t("users.colLastLogin"), t("users.colActions")]} testId="users-table">
      {list.map((u) => {
        const locked = u.lockedUntil !== null && Date.parse(u.lockedUntil) > Date.now();
        return (
          <tr key={u.id} data-testid="user-row" data-username={u.username} class={u.active ? undefined : "row-inactive"}>
            <td>
              <strong>{u.displayName}</strong>
              <div class="muted">{u.username}</div>
            </td>
            <td>{t(`role.${u.role}`)}</td>
            <td>{region(u, kecamatanName)}</td>
            <td>
              {u.active ? t("users.active") : t("users.inactive")}
              {locked ? <span class="tag tag--warn">{t("users.locked")}</span> : null}
            </td>
            <td>{formatStamp(u.lastLoginAt, locale.value, zone)}</td>
            <td>
              <div class="actions">
                <button type="button" class="button-quiet" data-testid="user-edit" onClick={() => onEdit(u)}>
                  {t("users.edit")}
                </button>
                <button type="button" class="button-quiet" data-testid="user-toggle-active" onClick={() => onToggleActive(u)}>
                  {u.active ? t("users.disable") : t("users.enable")}
                </button>
                <button type="button" class="button-quiet" data-testid="user-reset-password" onClick={() => onResetPassword(u)}>
                  {t("users.resetPassword")}
                </button>
              </div>
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
