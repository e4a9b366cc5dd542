import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { FACILITY_LIMITS, type FacilityPoint, type FacilityView } from "@contract/facilities.ts";
import { FACILITY_TYPES } from "@contract/facility-types.ts";
import { t } from "../i18n/i18n.ts";
import type { RunAction } from "../ui/notice.tsx";
import { draftOf, emptyDraft, pointOf, type FacilityDraft, type PickedPlace } from "./facilities.model.ts";
import { tx, typeLabel } from "./messages.ts";
import { models } from "./models.ts";
import { PointPicker } from "./PointPicker.tsx";

interface Props {
  /** The facility edited; null for a new one. */
  facility: FacilityView | null;
  run: RunAction;
  onDone(): void;
}

/** Add or edit a facility: its fields, the point from the map picker (or typed), its photo once saved. */
export function FacilityForm({ facility, run, onDone }: Props) {
  const { facilities, mapData } = models;
  const draft = useSignal<FacilityDraft>(facility ? draftOf(facility) : emptyDraft);
  const place = useSignal<PickedPlace>(facility ? { kind: "inside", place: { kecamatan: facility.kecamatan, desa: facility.desa } } : { kind: "none" });
  const current = useSignal<FacilityView | null>(facility);
  const point = pointOf(draft.value);

  // Where the point falls, asked again whenever it changes (a click, or coordinates typed).
  useEffect(() => {
    if (!point) return;
    let stale = false;
    facilities.locate(point).then(
      (p) => !stale && (place.value = p),
      () => !stale && (place.value = { kind: "none" }),
    );
    return () => void (stale = true);
  }, [point?.lat, point?.lng]);

  const set = (patch: Partial<FacilityDraft>) => (draft.value = { ...draft.value, ...patch });
  const pick = (p: FacilityPoint) => set({ lat: String(p.lat), lng: String(p.lng) });
  const save = async (e: Event) => {
    e.preventDefault();
    const ok = await run(async () => (current.value = await facilities.save(draft.value, current.value)), tx("fac.saved", { name: draft.value.name.trim() }));
    if (ok && facility) onDone();
  };
  const upload = (file: File | undefined) => {
    if (file && current.value) void run(async () => (current.value = await facilities.uploadPhoto(current.value!, file)), tx("fac.photo.saved"));
  };
  const text = (key: "name" | "address" | "contact", label: string, max: number) => (
    <label>
      {label}
      <input value={draft.value[key]} maxLength={max} onInput={(e) => set({ [key]: e.currentTarget.value })} data-testid={`facility-${key}`} />
    </label>
  );

  return (
    <form class="facility-form" onSubmit={(e) => void save(e)} data-testid="facility-form">
      <div class="facility-form-fields">
        <label>
          {tx("fac.type")}
          <select value={draft.value.type} onChange={(e) => set({ type: e.currentTarget.value as FacilityDraft["type"] })} data-testid="facility-type">
            {FACILITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {typeLabel(type)}
              </option>
            ))}
          </select>
        </label>
        {text("name", tx("fac.name"), FACILITY_LIMITS.nameMax)}
        {text("address", tx("fac.address"), FACILITY_LIMITS.addressMax)}
        {text("contact", tx("fac.contact"), FACILITY_LIMITS.contactMax)}
        <div class="facility-coords">
          <label>
            {tx("fac.lat")}
            <input inputMode="decimal" value={draft.value.lat} onInput={(e) => set({ lat: e.currentTarget.value })} data-testid="facility-lat" />
          </label>
          <label>
            {tx("fac.lng")}
            <input inputMode="decimal" value={draft.value.lng} onInput={(e) => set({ lng: e.currentTarget.value })} data-testid="facility-lng" />
          </label>
        </div>
        <label class="inline">
          <input type="checkbox" checked={draft.value.active} onChange={(e) => set({ active: e.currentTarget.checked })} data-testid="facility-active" /> {tx("fac.active")}
        </label>
        <label>
          {tx("fac.photo")}
          {current.value ? (
            <input type="file" accept="image/jpeg,image/png,image/webp" onChange={(e) => upload(e.currentTarget.files?.[0])} data-testid="facility-photo" />
          ) : (
            <span class="muted">{tx("fac.photo.afterSave")}</span>
          )}
        </label>
        <div>
          <button type="submit" class="button" data-testid="facility-save" disabled={!draft.value.name.trim() || !point}>
            {t("common.save")}
          </button>{" "}
          <button type="button" class="button-quiet" onClick={onDone} data-testid="facility-close">
            {t("common.cancel")}
          </button>
        </div>
      </div>
      <PointPicker config={mapData.config.value} kecamatan={mapData.kecamatan.value} point={point} place={place.value} onPick={pick} />
    </form>
  );
}
