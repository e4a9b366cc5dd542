import { formatStamp } from "@kit/wita.ts";
import type { KioskTokenView } from "@contract/wall.ts";
import { locale } from "../i18n/i18n.ts";
import type { RunAction } from "../ui/notice.tsx";
import { Table } from "../ui/Table.tsx";
import { models } from "./models.ts";
import { tx } from "./messages.ts";

/** Every token, live ones first: which screen, when issued and last used, and a revoke that asks first. */
export function KioskTable({ run }: { run: RunAction }) {
  const list = models.kiosks.sorted.value;
  return (
    <section class="kiosks-list" aria-labelledby="kiosks-list-title">
      <h2 id="kiosks-list-title">{tx("kiosks.list.title")}</h2>
      {list.length ? (
        <Table testId="kiosk-table" columns={[tx("kiosks.col.label"), tx("kiosks.col.prefix"), tx("kiosks.col.created"), tx("kiosks.col.lastUsed"), tx("kiosks.col.status"), tx("kiosks.col.actions")]}>
          {list.map((k) => (
            <KioskRow key={k.id} kiosk={k} run={run} />
          ))}
        </Table>
      ) : (
        <p class="muted">{tx("kiosks.list.empty")}</p>
      )}
    </section>
  );
}

function KioskRow({ kiosk, run }: { kiosk: KioskTokenView; run: RunAction }) {
  const when = (iso: string | null) => formatStamp(iso, locale.value);
  const revoke = () => {
    if (!confirm(tx("kiosks.revoke.confirm", { label: kiosk.label }))) return;
    void run(() => models.kiosks.revoke(kiosk.id), tx("kiosks.revoke.done", { label: kiosk.label }));
  };
  return (
    <tr data-testid="kiosk-row" data-kiosk={kiosk.id} class={kiosk.revokedAt ? "kiosks-revoked" : undefined}>
      <td>{kiosk.label}</td>
      <td>
        <code>{kiosk.prefix}…</code>
      </td>
      <td>{tx("kiosks.by", { when: when(kiosk.createdAt), who: kiosk.createdBy })}</td>
      <td>{kiosk.lastUsedAt ? when(kiosk.lastUsedAt) : tx("kiosks.never")}</td>
      <td>{kiosk.revokedAt ? tx("kiosks.revokedAt", { when: when(kiosk.revokedAt) }) : tx("kiosks.live")}</td>
      <td>
        {kiosk.revokedAt ? null : (
          <button type="button" class="button-quiet" data-testid="kiosk-revoke" onClick={revoke}>
            {tx("kiosks.revoke")}
          </button>
        )}
      </td>
    </tr>
  );
}
