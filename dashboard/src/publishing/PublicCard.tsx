import { formatWitaDay } from "@kit/wita.ts";
import { locale, t } from "../i18n/i18n.ts";
import { KerawananBadge } from "../ops/KerawananBadge.tsx";
import { tx } from "./messages.ts";
import type { PublicCard as Card } from "./public-preview.ts";

/** Noon WITA of a `YYYY-MM-DD` day: any instant inside that day formats as it. */
const dayMs = (day: string) => Date.parse(`${day}T12:00:00+08:00`);

/** One public report as a visitor will read it: nothing else of the report is on this card. */
export function PublicCard({ card }: { card: Card }) {
  const { desa, kecamatan } = card.place;
  return (
    <article class="public-card" data-testid="public-card">
      <h4>{card.title || "—"}</h4>
      <div class="detail-tags">
        {card.bidang ? <span class="badge">{t(`bidang.${card.bidang}`)}</span> : null}
        <KerawananBadge level={card.kerawanan} />
        <span class="muted">{formatWitaDay(dayMs(card.day), locale.value)}</span>
      </div>
      <p class="muted" data-testid="public-card-place">
        {desa ? tx("publish.place", { desa: desa.nama, kecamatan: kecamatan.nama }) : tx("publish.placeKecamatan", { kecamatan: kecamatan.nama })}
      </p>
      <p class="public-card-summary">{card.summary || "—"}</p>
      {card.photoUrls.length ? (
        <ul class="public-card-photos">
          {card.photoUrls.map((url, i) => (
            <li key={url}>
              <img src={url} alt={tx("publish.photo", { n: String(i + 1) })} loading="lazy" />
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
