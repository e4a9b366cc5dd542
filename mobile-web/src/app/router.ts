import { createModel, signal } from "@preact/signals";

export type PeriodicKind = "daily" | "weekly" | "monthly";

export type Route =
  | { name: "home" }
  | { name: "situation" }
  | { name: "periodic"; kind: PeriodicKind }
  /** Edit a report the server refused (still in the outbox), whatever its kind. */
  | { name: "edit"; clientId: string }
  | { name: "my-reports" };

const PERIODIC_SLUGS: Record<string, PeriodicKind> = { harian: "daily", mingguan: "weekly", bulanan: "monthly" };

/**
 * Routes live in the hash (`/m/#/situasi`): any deep link resolves to the one cached index.html offline,
 * and the phone's back button walks the views.
 */
export function parseRoute(hash: string): Route {
  const [first = "", second] = hash.replace(/^#\/?/, "").split("/");
  if (first === "situasi") return { name: "situation" };
  if (PERIODIC_SLUGS[first]) return { name: "periodic", kind: PERIODIC_SLUGS[first] };
  if (first === "ubah" && second) return { name: "edit", clientId: decodeURIComponent(second) };
  if (first === "laporan-saya") return { name: "my-reports" };
  return { name: "home" };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case "home":
      return "#/";
    case "situation":
      return "#/situasi";
    case "periodic":
      return `#/${Object.keys(PERIODIC_SLUGS).find((k) => PERIODIC_SLUGS[k] === route.kind)}`;
    case "edit":
      return `#/ubah/${encodeURIComponent(route.clientId)}`;
    case "my-reports":
      return "#/laporan-saya";
  }
}

export const RouterModel = createModel(() => {
  const route = signal<Route>(parseRoute(location.hash));
  const onHashChange = () => (route.value = parseRoute(location.hash));
  addEventListener("hashchange", onHashChange);

  /** Open a view; the back button returns from it. */
  function navigate(next: Route): void {
    history.pushState({ sikanda: true }, "", routeHash(next));
    route.value = next;
  }

  /**
   * Leave a view for home: back in history when we pushed it (so back does not re-open the form). Home at
   * once, and only once: `history.back()` lands later, and a second call before it did (a saved edit and
   * the edit view noticing its entry left the outbox) would go back twice — out of the app.
   */
  function home(): void {
    if (route.value.name === "home") return;
    route.value = { name: "home" };
    if ((history.state as { sikanda?: boolean } | null)?.sikanda) history.back();
    else history.replaceState(null, "", routeHash({ name: "home" }));
  }

  /**
   * Home after finishing `view` (a saved form) — unless the officer went elsewhere meanwhile (tapped "Laporan
   * saya" while the save was being written): then they stay where they went.
   */
  function leave(view: Route): void {
    if (routeHash(route.value) === routeHash(view)) home();
  }

  return { route, navigate, home, leave };
});

export type Router = InstanceType<typeof RouterModel>;
