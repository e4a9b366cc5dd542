import "./kiosks.css";
import { useEffect } from "preact/hooks";
import { models } from "./models.ts";
import { tx } from "./messages.ts";
import { PageNotices, useNotice } from "../ui/notice.tsx";
import { IssueKioskForm } from "./IssueKioskForm.tsx";
import { IssuedKiosk } from "./IssuedKiosk.tsx";
import { KioskTable } from "./KioskTable.tsx";
import { WallSettingsForm } from "./WallSettingsForm.tsx";

/** Wall screens (admins): kiosk tokens issued, listed and revoked, and the wall's settings. */
export function KiosksPage() {
  const { kiosks } = models;
  const { notice, run } = useNotice();
  useEffect(() => {
    void kiosks.load();
  }, [kiosks]);

  return (
    <div class="page kiosks-page">
      <h1>{tx("kiosks.title")}</h1>
      <p class="muted">{tx("kiosks.intro")}</p>
      <PageNotices notice={notice.value} testId="kiosks-notice" loadError={kiosks.error.value} />
      {kiosks.issued.value ? <IssuedKiosk issued={kiosks.issued.value} onDismiss={() => kiosks.dismissIssued()} /> : <IssueKioskForm run={run} />}
      <KioskTable run={run} />
      <WallSettingsForm run={run} />
    </div>
  );
}
