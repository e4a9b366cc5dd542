import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";

let loaded: ComponentType | null = null;

/**
 * Where the notification bell goes in the top bar. Rendered for signed-in users only, and its code (model,
 * socket, strings) downloads then: an anonymous visitor of the public map never fetches it. Nothing shows
 * while it loads or if it cannot load (the bell is a convenience; the page works without it).
 */
export function BellSlot() {
  const [Bell, setBell] = useState<ComponentType | null>(() => loaded);
  useEffect(() => {
    if (Bell) return;
    let live = true;
    import("./NotificationBell.tsx").then(
      (m) => live && setBell(() => (loaded = m.NotificationBell)),
      () => undefined,
    );
    return () => void (live = false);
  }, []);
  return Bell ? <Bell /> : null;
}
