import type { Bidang } from "@contract/reports.ts";
import { formatDayKey } from "@kit/wita.ts";
import { Link } from "../app/Link.tsx";
import { models } from "../app/models.ts";
import { NewsTeaser } from "../news/NewsTeaser.tsx";
import { KERAWANAN_COLORS, KERAWANAN_LEVELS } from "../map/kerawanan.ts";
import { RANGES, type PublicFilters } from "./filters.ts";
import { pt } from "./messages.ts";
import type { PublicMapModel } from "./public-map.model.ts";
import { KecamatanOptions } from "../ui/KecamatanOptions.tsx";
import { locale } from "../i18n/i18n.ts";

const BIDANG: Bidang[] = ["ideologi", "politik", "ekonomi", "sosial-budaya", "pertahanan-keamanan"];

interface Props {
  model: PublicMapModel;
  kecamatan: { kode: string; nama: string }[];
  onFilters(next: PublicFilters): void;
}

/** Filters, the per-kecamatan summary and the paged list beside (or, on a phone, below) the map. */
export function PublicSidebar({ model, kecamatan, onFilters }: Props) {
  const f = model.filters.value;
  const set = (patch: Partial<PublicFilters>) => onFilters({ ...f, ...patch });
  return (
    <aside class="public-side">
      <form class="public-filters" aria-label={pt("pub.filters")} onSubmit={(e) => e.preventDefault()}>
        <label>
          {pt("pub.kecamatan")}
          <select data-testid="filter-kecamatan" value={f.kecamatan ?? ""} onChange={(e) => set({ kecamatan: e.currentTarget.value || null })}>
            <option value="">{pt("pub.kecamatan.all")}</option>
            <KecamatanOptions kecamatan={kecamatan} />
          </select>
        </label>
        <label>
          {pt("pub.bidang")}
          <select data-testid="filter-bidang" value={f.bidang ?? ""} onChange={(e) => set({ bidang: (e.currentTarget.value || null) as Bidang | null })}>
            <option value="">{pt("pub.bidang.all")}</option>
            {BIDANG.map((b) => (
              <option key={b} value={b}>
                {pt(`pub.bidang.${b}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {pt("pub.range")}
          <select data-testid="filter-range" value={f.range} onChange={(e) => set({ range: e.currentTarget.value as PublicFilters["range"] })}>
            {RANGES.map((r) => (
              <option key={r} value={r}>
                {pt(`pub.range.${r}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {model.error.value ? (
        <p class="public-error" role="alert">
          {pt("pub.error")}{" "}
          <button type="button" class="button-quiet" onClick={() => void model.reload()}>
            {pt("pub.retry")}
          </button>
        </p>
      ) : null}
      <NotifyInvite />
      <NewsTeaser />
      <Summary model={model} onPick={(kode) => set({ kecamatan: kode })} />
      <ReportList model={model} />
    </aside>
  );
}

/** Visitors learn they can be told of publications; a signed-in guest goes to their subscriptions. */
function NotifyInvite() {
  const role = models.session.role.value;
  if (role !== "anonymous" && role !== "guest") return null;
  return (
    <p class="public-notify">
      {pt("pub.notify")}{" "}
      <Link href={role === "anonymous" ? "/daftar" : "/profile"} data-testid="public-notify-link">
        {role === "anonymous" ? pt("pub.notify.register") : pt("pub.notify.settings")}
      </Link>
    </p>
  );
}

function Summary({ model, onPick }: { model: PublicMapModel; onPick(kode: string): void }) {
  const rows = model.summary.value;
  const max = Math.max(1, ...rows.map((r) => r.total));
  return (
    <section class="public-summary" aria-labelledby="public-summary-h">
      <h2 id="public-summary-h">{pt("pub.summary")}</h2>
      <ul data-testid="public-summary">
        {rows.map((r) => (
          <li key={r.kecamatan.kode}>
            <button type="button" class="public-summary-row" title={pt("pub.summary.pick", { name: r.kecamatan.nama })} onClick={() => onPick(r.kecamatan.kode)}>
              <span class="public-summary-name">{r.kecamatan.nama}</span>
              <span class="public-summary-bar" aria-hidden="true">
                {KERAWANAN_LEVELS.map((level) =>
                  r.kerawanan[level] ? <span key={level} style={{ width: `${(100 * r.kerawanan[level]) / max}%`, background: KERAWANAN_COLORS[level] }} /> : null,
                )}
              </span>
              <span class="public-summary-n" data-testid={`summary-${r.kecamatan.kode}`}>
                {r.total}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <p class="public-legend">
        {pt("pub.legend")}:{" "}
        {KERAWANAN_LEVELS.map((level) => (
          <span key={level} class="public-legend-item">
            <span class="public-swatch" style={{ background: KERAWANAN_COLORS[level] }} /> {pt(`pub.kerawanan.${level}`)}
          </span>
        ))}
      </p>
    </section>
  );
}

function ReportList({ model }: { model: PublicMapModel }) {
  const items = model.list.value;
  return (
    <section class="public-list" aria-labelledby="public-list-h">
      <h2 id="public-list-h">{pt("pub.list")}</h2>
      {!items.length && !model.loading.value ? <p class="public-empty">{pt("pub.list.empty")}</p> : null}
      <ol data-testid="public-list">
        {items.map((r) => (
          <li key={r.id} class="public-item" data-testid="public-item" data-id={r.id}>
            <span class="public-swatch" style={{ background: KERAWANAN_COLORS[r.kerawanan] }} title={pt(`pub.kerawanan.${r.kerawanan}`)} />
            <div>
              <Link href={`/laporan/${r.id}`}>{r.title}</Link>
              <span class="public-item-meta">
                <time dateTime={r.day}>{formatDayKey(r.day, locale.value, true)}</time> · {r.desa ? pt("pub.where.desa", { desa: r.desa.nama, kecamatan: r.kecamatan.nama }) : pt("pub.where.kecamatan", { kecamatan: r.kecamatan.nama })} · {pt(`pub.bidang.${r.bidang}`)}
              </span>
            </div>
          </li>
        ))}
      </ol>
      {model.next.value ? (
        <button type="button" class="button-quiet" data-testid="public-more" disabled={model.loadingMore.value} onClick={() => void model.loadMore()}>
          {model.loadingMore.value ? pt("pub.list.loading") : pt("pub.list.more")}
        </button>
      ) : null}
    </section>
  );
}
