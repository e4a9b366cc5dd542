import "./wall.css";
import "./wall-map.css";
import "./wall-panels.css";
import "./wall-ticker-notices.css";
import { effect } from "@preact/signals";
import { options, render } from "preact";
import { beep, unlockAudio } from "../alerts/beep.ts";
import { browserStorage, takeKioskToken } from "./kiosk-token.ts";
import { applyLangParam, tx, wallI18n } from "./messages.ts";
import { WallApp } from "./WallApp.tsx";
import { createWallHttp } from "./wall-http.ts";
import { openWallSocket } from "./wall-socket.ts";
import { createWallSync, DEFAULT_TIMING } from "./wall-sync.ts";
import { createWallModel } from "./wall.model.ts";

/**
 * The wall screen (/wall): its own small page, not the dashboard shell. A kiosk opens
 * `/wall#kiosk=<token>` once; a leader opens /wall signed in. Then it runs unattended.
 */
// Components re-render in a task of their own rather than in the microtasks of the task that changed
// the state (a snapshot, a frame of live reports): the work is split, and no single task runs long.
options.debounceRendering = (flush) => setTimeout(flush, 0);

const token = takeKioskToken(location, browserStorage(), (url) => history.replaceState(null, "", url));
applyLangParam(location.search);

const model = createWallModel();
const http = createWallHttp(token);

// The map's base data is public and changes with a deploy at most: read once, retried until it comes.
async function loadMapData(): Promise<void> {
  const [config, kecamatan] = await Promise.all([http.config(), http.kecamatan()]);
  if (config.ok) model.config.value = config.data.data;
  if (kecamatan.ok) model.kecamatan.value = kecamatan.data.data;
  if (!config.ok || !kecamatan.ok) setTimeout(() => void loadMapData(), 10_000);
}
void loadMapData();

// A wall has no one to click "allow sound": a kiosk browser started with
// --autoplay-policy=no-user-gesture-required plays at once; others after the first key or touch.
const unlock = () => {
  if (model.settings.value.sound) unlockAudio();
};
effect(unlock);
addEventListener("keydown", unlock);
addEventListener("pointerdown", unlock);

const sync = createWallSync({
  model,
  http,
  kiosk: token !== null,
  openSocket: (handlers) => openWallSocket(token, handlers),
  reload: () => location.reload(),
  alertSounded: (change) => {
    if (model.settings.value.sound) beep(change.alert.severity);
  },
});
sync.start();

effect(() => {
  document.documentElement.lang = wallI18n.lang.value;
  document.title = `SIKANDA — ${tx("wall.title")}`;
});

const root = document.getElementById("wall")!;
root.textContent = "";
render(<WallApp model={model} refusedRetrySeconds={DEFAULT_TIMING.refusedRetryMs / 1000} />, root);
