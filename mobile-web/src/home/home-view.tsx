import { useContext, useEffect } from "preact/hooks";
import { formatWitaDay } from "@kit/wita.ts";
import { AppContext } from "../app/context.ts";
import { locale, t } from "../i18n/i18n.ts";
import { myDuties } from "../duties/duties.model.ts";
import { isDailyOwed } from "./daily-owed.ts";
import { DutyPanel } from "./duty-panel.tsx";
import { SyncPanel } from "./sync-panel.tsx";

/** The officer's start screen: what is owed, what is waiting, and one tap to each report. */
export function HomeView() {
  const { session, sync, myReports, router, regions, notice } = useContext(AppContext);
  const user = session.user.value!;
  const kec = regions.kecamatan.value?.features.find((f) => f.properties.kode === user.kecamatanKode)?.properties.nama;
  const now = Date.now();
  // The duties (duty-panel.tsx) say what is owed once they were ever fetched; before that, today's daily.
  const dutiesKnown = myDuties.known.value !== null;
  const owed = !dutiesKnown && isDailyOwed(now, sync.status.mine.value, myReports.reports.value);

  // The notice is for this visit of the home screen only.
  useEffect(() => {
    if (!notice.value) return;
    const timer = setTimeout(() => (notice.value = null), 6_000);
    return () => clearTimeout(timer);
  }, [notice.value]);

  return (
    <div class="stack" data-testid="officer-home">
      <div>
        <h1 class="h1">{t("home.hello", { name: user.displayName })}</h1>
        {kec && <p class="muted">{t("home.kecamatan", { nama: kec })}</p>}
      </div>
      {notice.value && (
        <p class="banner banner--ok" role="status">
          {notice.value}
        </p>
      )}
      <DutyPanel />
      {owed && (
        <div class="banner banner--warn" data-testid="daily-owed">
          <p>{t("home.dailyOwed", { date: formatWitaDay(now, locale.value) })}</p>
          <button type="button" class="btn btn--small" onClick={() => router.navigate({ name: "periodic", kind: "daily" })}>
            {t("home.dailyOwedAction")}
          </button>
        </div>
      )}
      <SyncPanel />
      <nav class="actions" aria-label={t("app.name")}>
        <button type="button" class="btn btn--primary btn--big" data-testid="new-situation" onClick={() => router.navigate({ name: "situation" })}>
          + {t("home.newSituation")}
        </button>
        <div class="grid3">
          <button type="button" class="btn" onClick={() => router.navigate({ name: "periodic", kind: "daily" })}>
            {t("home.daily")}
          </button>
          <button type="button" class="btn" onClick={() => router.navigate({ name: "periodic", kind: "weekly" })}>
            {t("home.weekly")}
          </button>
          <button type="button" class="btn" onClick={() => router.navigate({ name: "periodic", kind: "monthly" })}>
            {t("home.monthly")}
          </button>
        </div>
        <button type="button" class="btn btn--block" onClick={() => router.navigate({ name: "my-reports" })}>
          {t("home.myReports")}
        </button>
      </nav>
    </div>
  );
}
