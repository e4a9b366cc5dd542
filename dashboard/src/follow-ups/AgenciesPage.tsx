import "../ops/ops.css";
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { AgencyKind, FOLLOW_UP_LIMITS, type AgencyView } from "@contract/follow-ups.ts";
import { api } from "../api/client.ts";
import { t } from "../i18n/i18n.ts";
import { PageNotices, useNotice } from "../ui/notice.tsx";
import { Table } from "../ui/Table.tsx";

type Draft = { name: string; kind: AgencyKind; contactPerson: string; phone: string; email: string; notes: string };
const empty: Draft = { name: "", kind: "other", contactPerson: "", phone: "", email: "", notes: "" };
const draftOf = (a: AgencyView): Draft => ({ name: a.name, kind: a.kind, contactPerson: a.contactPerson ?? "", phone: a.phone ?? "", email: a.email ?? "", notes: a.notes ?? "" });

/** Units and partner agencies that follow-ups are assigned to, with their contacts: list, add, edit, retire. */
export function AgenciesPage() {
  const items = useSignal<AgencyView[]>([]);
  const loadError = useSignal<unknown>(null);
  const editing = useSignal<string | "new" | null>(null);
  const draft = useSignal<Draft>(empty);
  const { notice, run } = useNotice();
  const load = () => api.call("GET /api/agencies", { query: { limit: 500 } }).then((p) => (items.value = p.data), (err) => (loadError.value = err));
  useEffect(() => void load(), []);

  const save = async (e: Event) => {
    e.preventDefault();
    const body = { ...draft.value, name: draft.value.name.trim() };
    const id = editing.value;
    const ok = await run(
      () => (id === "new" ? api.call("POST /api/agencies", { body }) : api.call("PATCH /api/agencies/:id", { params: { id: id! }, body })),
      t("agency.saved", { name: body.name }),
    );
    if (ok) {
      editing.value = null;
      void load();
    }
  };
  const setActive = (a: AgencyView, active: boolean) =>
    run(() => api.call("PATCH /api/agencies/:id", { params: { id: a.id }, body: { active } }), t("agency.saved", { name: a.name })).then(() => void load());
  const field = (key: Exclude<keyof Draft, "kind" | "notes">, label: string, max: number) => (
    <label>
      {label}
      <input value={draft.value[key]} maxLength={max} onInput={(e) => (draft.value = { ...draft.value, [key]: e.currentTarget.value })} data-testid={`agency-${key}`} />
    </label>
  );

  return (
    <div class="page" data-testid="agencies-page">
      <h1>{t("agency.title")}</h1>
      <PageNotices notice={notice.value} testId="agency-notice" loadError={loadError.value} />
      <button type="button" class="button" data-testid="agency-new" onClick={() => ((editing.value = "new"), (draft.value = empty))}>
        {t("agency.new")}
      </button>
      {editing.value ? (
        <form class="assign-form" onSubmit={(e) => void save(e)} data-testid="agency-form">
          {field("name", t("agency.name"), FOLLOW_UP_LIMITS.agencyNameMax)}
          <label>
            {t("agency.kind")}
            <select value={draft.value.kind} onChange={(e) => (draft.value = { ...draft.value, kind: e.currentTarget.value as AgencyKind })}>
              {AgencyKind.options.map((k) => (
                <option key={k} value={k}>
                  {t(`agency.kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          {field("contactPerson", t("agency.contactPerson"), 120)}
          {field("phone", t("agency.phone"), 40)}
          {field("email", t("agency.email"), 200)}
          <label>
            {t("agency.notes")}
            <textarea rows={2} maxLength={FOLLOW_UP_LIMITS.noteMax} value={draft.value.notes} onInput={(e) => (draft.value = { ...draft.value, notes: e.currentTarget.value })} />
          </label>
          <button type="submit" class="button" data-testid="agency-save" disabled={!draft.value.name.trim()}>
            {t("common.save")}
          </button>{" "}
          <button type="button" class="button-quiet" onClick={() => (editing.value = null)}>
            {t("common.cancel")}
          </button>
        </form>
      ) : null}
      <Table columns={[t("agency.name"), t("agency.kind"), t("agency.contact"), t("agency.status"), ""]} testId="agencies">
        {items.value.map((a) => (
          <tr key={a.id} data-testid="agency-row" data-active={a.active}>
            <td>{a.name}</td>
            <td>{t(`agency.kind.${a.kind}`)}</td>
            <td>{[a.contactPerson, a.phone, a.email].filter(Boolean).join(" · ") || t("common.none")}</td>
            <td>{a.active ? t("agency.active") : t("agency.inactive")}</td>
            <td class="nowrap">
              <button type="button" class="button-quiet" onClick={() => ((editing.value = a.id), (draft.value = draftOf(a)))}>
                {t("agency.edit")}
              </button>{" "}
              <button type="button" class="button-quiet" onClick={() => void setActive(a, !a.active)}>
                {a.active ? t("agency.retire") : t("agency.restore")}
              </button>
            </td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
