import { useSignal } from "@preact/signals";
import { models } from "./models.ts";
import { t } from "../i18n/i18n.ts";
import { ROLES } from "./roles.ts";
import type { UserFilter } from "./users.model.ts";
import { KecamatanOptions } from "../ui/KecamatanOptions.tsx";

/** Search box (on submit) and filters (at once), all mapped to `GET /api/users` query parameters. */
export function UserFilters({ kecamatan }: { kecamatan: { kode: string; nama: string }[] }) {
  const { users } = models;
  const f = users.filter.value;
  const q = useSignal(f.q);
  const pick = (next: Partial<UserFilter>) => void users.search(next);

  return (
    <form
      class="filters"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        pick({ q: q.value });
      }}
    >
      <input type="search" name="q" aria-label={t("users.search")} placeholder={t("users.search")} value={q.value} onInput={(e) => (q.value = e.currentTarget.value)} />
      <select name="role" aria-label={t("users.filterRole")} value={f.role} onChange={(e) => pick({ role: e.currentTarget.value as UserFilter["role"] })}>
        <option value="">{`${t("users.filterRole")}: ${t("common.all")}`}</option>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </select>
      <select name="kecamatan" aria-label={t("users.filterKecamatan")} value={f.kecamatan} onChange={(e) => pick({ kecamatan: e.currentTarget.value })}>
        <option value="">{`${t("users.filterKecamatan")}: ${t("common.all")}`}</option>
        <KecamatanOptions kecamatan={kecamatan} />
      </select>
      <select name="active" aria-label={t("users.filterActive")} value={f.active} onChange={(e) => pick({ active: e.currentTarget.value as UserFilter["active"] })}>
        <option value="">{`${t("users.filterActive")}: ${t("common.all")}`}</option>
        <option value="true">{t("users.active")}</option>
        <option value="false">{t("users.inactive")}</option>
      </select>
      <button type="submit" class="button" data-testid="user-search">
        {t("common.search")}
      </button>
    </form>
  );
}
