import { createContext } from "preact";
import { computed, effect, signal, untracked } from "@preact/signals";
import { SessionModel } from "../auth/session.model.ts";
import { MyReportsModel } from "../my-reports/my-reports.model.ts";
import { markOfflineReady, offlineReadiness } from "../pwa/offline-ready.ts";
import { shellCached } from "../pwa/register.ts";
import { provisionalReport } from "../my-reports/provisional.ts";
import type { EngineHooks } from "../sync/engine.ts";
import { RegionsModel } from "../regions/regions.model.ts";
import { SubCategoriesModel } from "../sub-categories/sub-categories.model.ts";
import { createSync } from "../sync/sync.model.ts";
import { ConnectionModel } from "./connection.ts";
import { RouterModel } from "./router.ts";

/** Every model of the app, built in one place; views get them from `AppContext`. */
export function createAppModels() {
  const session = new SessionModel();
  const regions = new RegionsModel();
  const subCategories = new SubCategoriesModel();
  return {
    session,
    router: new RouterModel(),
    connection: new ConnectionModel(),
    regions,
    subCategories,
    myReports: new MyReportsModel(),
    sync: createSync(),
    /** A one-line confirmation shown on the home screen (e.g. "saved, will be sent"). */
    notice: signal<string | null>(null),
    /** The officer can lose signal now and keep working (see pwa/offline-ready.ts). */
    offlineReady: offlineReadiness({
      shellCached,
      signedIn: session.signedIn,
      boundariesStored: regions.stored,
      subCategoriesKept: computed(() => subCategories.fetchedAt.value !== null),
    }),
  };
}

export type AppModels = ReturnType<typeof createAppModels>;

export const AppContext = createContext<AppModels>(null as unknown as AppModels);

/**
 * How the models follow each other. Called after the first paint so the heavy parts (the sync engine,
 * boundaries) never delay it. Returns the cleanup.
 */
export function wireModels(m: AppModels): () => void {
  const hooks: EngineHooks = {
    onReportChange: m.myReports.applyChange,
    onDelivered: (entry, result) => {
      // Only the signed-in officer's own report goes into their list.
      const user = m.session.user.peek();
      if (!user || (entry.owner && entry.owner.id !== user.id)) return;
      m.myReports.addDelivered(provisionalReport(entry.payload, result, { id: user.id, displayName: user.displayName }, Date.now()));
    },
    onConnect: () => {
      const user = m.session.user.peek();
      if (user) void m.myReports.load(user.id);
    },
  };
  // The id, not the object: a refreshed profile from /api/auth/me must not restart everything.
  const userId = computed(() => m.session.user.value?.id ?? null);
  const disposers = [
    markOfflineReady(m.offlineReady),
    // Signed in (now, or from the cache at start): start sending, fetch my reports, boundaries, sub-categories.
    effect(() => {
      const id = userId.value;
      untracked(() => {
        // Before anything is sent: only this officer's reports go out under this session.
        const user = m.session.user.peek();
        m.notice.value = null; // the previous officer's "saved" line is not for the next one
        m.sync.setOwner(user ? { id: user.id, username: user.username, displayName: user.displayName } : null);
        if (!id) return m.sync.pause();
        // After a (re-)login the loop may be paused on "login needed": resume unpauses it.
        void m.sync.start(hooks).then(() => m.sync.resume(), () => undefined);
        void m.myReports.load(id);
        void m.regions.load();
        void m.subCategories.load();
      });
    }),
    // Back online: is the session still good? Boundaries and sub-categories get a fresh try — for a
    // signed-in officer only: the login screen needs neither, and its first load must stay small.
    effect(() => {
      if (!m.connection.online.value) return;
      untracked(() => {
        if (!userId.value) return;
        void m.session.verify();
        void m.regions.load();
        void m.subCategories.load();
      });
    }),
    // Reports just delivered: refresh my list (a live event may have gone to a socket not yet connected).
    effect(() => {
      if (m.sync.status.lastSyncAt.value === null) return;
      const id = untracked(() => userId.value);
      if (!id) return;
      const timer = setTimeout(() => void m.myReports.load(id), 1_000);
      return () => clearTimeout(timer);
    }),
    // A password change gave this phone a new session and the server closed the old one's socket.
    effect(() => {
      if (m.session.renewed.value > 0) untracked(() => void m.sync.reconnect().catch(() => undefined));
    }),
    // The outbox met a 401: find out whether the session is really gone (then the login form shows).
    effect(() => {
      if (m.sync.status.loginNeeded.value) untracked(() => void m.session.verify());
    }),
  ];
  return () => disposers.forEach((d) => d());
}
