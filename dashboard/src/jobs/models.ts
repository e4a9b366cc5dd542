import { effect } from "@preact/signals";
import { api } from "../api/client.ts";
import { models as shared } from "../app/models.ts";
import { connectJobSocket } from "./job-socket.ts";
import { JobsModel } from "./jobs.model.ts";

/** The shared models and the jobs page's own, built once when the page first loads. */
export const models = { ...shared, jobs: new JobsModel(api, connectJobSocket) };

// A socket outliving its session would reconnect as nobody: stop following when the admin signs out.
effect(() => {
  if (!models.session.user.value) models.jobs.stop();
});
