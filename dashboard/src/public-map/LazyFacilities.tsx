import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";

type Overlay = ComponentType<{ kecamatan?: string }>;
let loaded: Overlay | null = null;

/**
 * The facilities layer and its switch on the public map, fetched as its own chunk once the map is up:
 * most visitors never turn it on, and the first load on 3G stays the map's alone.
 */
export function LazyFacilities({ kecamatan }: { kecamatan: string | null }) {
  const [Overlay, setOverlay] = useState<Overlay | null>(loaded);
  useEffect(() => {
    if (loaded) return;
    void import("../facilities/FacilitiesLayer.tsx").then((m) => {
      loaded = m.FacilitiesOverlay as Overlay;
      setOverlay(() => loaded);
    });
  }, []);
  return Overlay ? <Overlay {...(kecamatan ? { kecamatan } : {})} /> : null;
}
