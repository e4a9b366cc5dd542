import { signal } from "@preact/signals";
import { TileLayer } from "react-leaflet";
import { t } from "../i18n/i18n.ts";

/** A transparent pixel: a failed tile shows the map's neutral background instead of a broken image. */
const BLANK_TILE = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";

/** True while tiles fail and none has loaded: offices often run without internet. */
const tilesFailing = signal(false);

/**
 * The base map from the configured tile server. It fails soft: on errors the boundaries stay, the map
 * keeps working, and a small note says why the background is plain.
 */
export function BaseTiles({ url, attribution }: { url: string; attribution: string }) {
  return (
    <TileLayer
      url={url}
      attribution={attribution}
      errorTileUrl={BLANK_TILE}
      eventHandlers={{
        tileerror: () => {
          tilesFailing.value = true;
        },
        // Leaflet reports the blank stand-in for a failed tile as loaded too; only a real tile counts.
        tileload: (e) => {
          if ((e.tile as HTMLImageElement).getAttribute("src") !== BLANK_TILE) tilesFailing.value = false;
        },
      }}
    />
  );
}

export function TilesNotice() {
  if (!tilesFailing.value) return null;
  return (
    <div class="map-notice" role="status" data-testid="tiles-unavailable">
      {t("map.tilesUnavailable")}
    </div>
  );
}
