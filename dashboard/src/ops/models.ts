import { effect, signal } from "@preact/signals";
import { api } from "../api/client.ts";
import { models as shared } from "../app/models.ts";
import { BulkModel } from "./bulk.model.ts";
import { OpsModel } from "./ops.model.ts";
import { PendingDecisions } from "./pending-decisions.ts";
import { connectReportSocket } from "./report-socket.ts";

const ops = new OpsModel(api, connectReportSocket);
/** Why a held decision was refused when it was finally sent, by report. */
const pendingFailures = signal<ReadonlyMap<string, unknown>>(new Map());

/** The shared models and the live queue's own, built once when an ops page first loads. */
export const models = {
  ...shared,
  ops,
  bulk: new BulkModel(api, (reports) => ops.putReports(reports)),
  pendingFailures,
  pending: new PendingDecisions({
    send: (reportId, input) => ops.decide(reportId, input),
    failed: (reportId, err) => (pendingFailures.value = new Map(pendingFailures.value).set(reportId, err)),
  }),
};

// A feed outliving its session (logout, or the server ending it) would reconnect as nobody: stop it.
effect(() => {
  if (!models.session.user.value) models.ops.stop();
});

// A tab closed with verifications still counting down: they go anyway (the verifier saw them as made).
addEventListener("pagehide", () => models.pending.flushOnUnload());
