import "./notifications.css";
import { useEffect, useState } from "preact/hooks";
import type { NotificationSubscription } from "@contract/notifications.ts";
import { Bidang } from "@contract/reports.ts";
import { api } from "../api/client.ts";
import { models } from "../app/models.ts";
import { Banner } from "../ui/Banner.tsx";
import { tx, type NotificationsKey } from "./messages.ts";
import { disablePush, enablePush, pushState, type PushState } from "./push-subscribe.ts";

type Saved = "idle" | "saving" | "saved" | "failed";

/** Toggle one value in a list, keeping it sorted (the server keeps it so too). */
const toggled = <T extends string>(list: readonly T[], value: T): T[] => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value].sort());

/**
 * Which published reports the user hears of (kecamatan, bidang; none ticked = all), and Web Push in this
 * browser. The profile page shows it for every signed-in user.
 */
export function NotificationSettings() {
  const [sub, setSub] = useState<NotificationSubscription | null>(null);
  const [saved, setSaved] = useState<Saved>("idle");
  const [push, setPush] = useState<PushState | "busy" | "failed">("off");
  const kecamatan = models.mapData.kecamatan.value?.features.map((f) => f.properties) ?? [];

  useEffect(() => {
    void models.mapData.load();
    api.call("GET /api/notifications/subscriptions", {}).then(
      (a) => setSub(a.data),
      () => setSaved("failed"),
    );
    pushState().then(setPush, () => setPush("unsupported"));
  }, []);
  if (!sub) return null;

  const edit = (next: NotificationSubscription) => (setSub(next), setSaved("idle"));
  const save = async (e: Event) => {
    e.preventDefault();
    setSaved("saving");
    try {
      setSub((await api.call("PUT /api/notifications/subscriptions", { body: sub })).data);
      setSaved("saved");
    } catch {
      setSaved("failed");
    }
  };
  const switchPush = async (on: boolean) => {
    setPush("busy");
    try {
      // Turning push on also turns the subscription on: a push with nothing subscribed would never come.
      if (on && !sub.enabled) setSub((await api.call("PUT /api/notifications/subscriptions", { body: { ...sub, enabled: true } })).data);
      setPush(on ? await enablePush(api) : await disablePush(api));
    } catch {
      setPush("failed");
    }
  };

  return (
    <section class="notif-settings" data-testid="notification-settings">
      <h2>{tx("notif.settings.title")}</h2>
      <form onSubmit={save}>
        <label>
          <input type="checkbox" data-testid="notif-enabled" checked={sub.enabled} onChange={() => edit({ ...sub, enabled: !sub.enabled })} />
          {tx("notif.settings.enabled")}
        </label>
        <fieldset disabled={!sub.enabled}>
          <legend>{tx("notif.settings.kecamatan")}</legend>
          {kecamatan.map((k) => (
            <label key={k.kode}>
              <input type="checkbox" data-testid={`notif-kec-${k.kode}`} checked={sub.kecamatan.includes(k.kode)} onChange={() => edit({ ...sub, kecamatan: toggled(sub.kecamatan, k.kode) })} />
              {k.nama}
            </label>
          ))}
        </fieldset>
        <fieldset disabled={!sub.enabled}>
          <legend>{tx("notif.settings.bidang")}</legend>
          {Bidang.options.map((b) => (
            <label key={b}>
              <input type="checkbox" data-testid={`notif-bidang-${b}`} checked={sub.bidang.includes(b)} onChange={() => edit({ ...sub, bidang: toggled(sub.bidang, b) })} />
              {tx(`notif.bidang.${b}` as NotificationsKey)}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="button" data-testid="notif-save" disabled={saved === "saving"}>
          {tx("notif.settings.save")}
        </button>
      </form>
      {saved === "saved" ? <Banner kind="success">{tx("notif.settings.saved")}</Banner> : null}
      {saved === "failed" ? <Banner kind="error">{tx("notif.settings.failed")}</Banner> : null}
      <PushControl state={push} onSwitch={switchPush} />
    </section>
  );
}

function PushControl({ state, onSwitch }: { state: PushState | "busy" | "failed"; onSwitch: (on: boolean) => void }) {
  if (state === "unsupported") return <p data-testid="push-state">{tx("notif.push.unsupported")}</p>;
  if (state === "denied") return <p data-testid="push-state">{tx("notif.push.denied")}</p>;
  if (state === "on")
    return (
      <p data-testid="push-state">
        {tx("notif.push.on")}{" "}
        <button type="button" class="button-quiet" onClick={() => onSwitch(false)}>
          {tx("notif.push.disable")}
        </button>
      </p>
    );
  return (
    <p>
      <button type="button" class="button" data-testid="push-enable" disabled={state === "busy"} onClick={() => onSwitch(true)}>
        {tx("notif.push.enable")}
      </button>
      {state === "failed" ? <span role="alert"> {tx("notif.push.failed")}</span> : null}
    </p>
  );
}
