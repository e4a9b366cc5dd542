import { api } from "../api/client.ts";
import { models as ops } from "../ops/models.ts";
import { connectReportSocket } from "../ops/report-socket.ts";
import { ReportDetailModel } from "./report-detail.model.ts";

/** Releases a claim as the tab closes: a keepalive request the browser finishes on its own. */
function releaseOnUnload(reportId: string) {
  void fetch(`/api/reports/${encodeURIComponent(reportId)}/claim`, {
    method: "DELETE",
    keepalive: true,
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: "{}",
  }).catch(() => undefined);
}

/** The queue's models (decisions, held verifications) and the open report's own. */
export const models = { ...ops, detail: new ReportDetailModel({ http: api, connect: connectReportSocket, releaseOnUnload }) };

addEventListener("pagehide", () => models.detail.closeOnUnload());
