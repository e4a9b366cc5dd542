import { useContext } from "preact/hooks";
import { REPORT_LIMITS } from "@contract/reports.ts";
import { t } from "../i18n/i18n.ts";
import { FieldError } from "../ui/fields.tsx";
import { FormContext } from "./form-context.ts";
import type { PhotosState } from "./photos.model.ts";

/** Up to five photos from the camera (or gallery), shown as thumbnails with a remove button each. */
export function PhotoSection({ photos }: { photos: PhotosState }) {
  const { errors } = useContext(FormContext);
  const list = photos.photos.value;
  const max = REPORT_LIMITS.photosMax;
  return (
    <div class="stack" id="f-photos">
      <p class="small muted">{t("photo.count", { count: list.length, max })}</p>
      {list.length > 0 && (
        <ul class="thumbs plain">
          {list.map((p) => (
            <li key={p.sha256}>
              <img src={p.url} alt="" />
              <button type="button" class="btn btn--small btn--danger" onClick={() => photos.remove(p.sha256)}>
                {t("photo.remove")}
              </button>
            </li>
          ))}
        </ul>
      )}
      {photos.preparing.value > 0 && <p class="muted">{t("photo.preparing")}</p>}
      {photos.failed.value.map((name) => (
        <p key={name} class="error small">
          {name.startsWith(">") ? t("photo.tooMany", { max }) : t("photo.failed", { name })}
        </p>
      ))}
      {list.length < max && (
        <label class="btn btn--block file-btn">
          {t("photo.add")}
          <input
            type="file"
            name="photoFiles"
            data-ignore
            accept="image/*"
            capture="environment"
            multiple
            class="visually-hidden"
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              void photos.add(Array.from(input.files ?? []));
              input.value = ""; // picking the same file again must fire again
            }}
          />
        </label>
      )}
      <FieldError id="f-photos" error={errors.value.photos} />
    </div>
  );
}
