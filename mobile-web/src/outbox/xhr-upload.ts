import { httpAnswer, type UploadPhoto } from "./transports.ts";
import { NetworkError } from "./retry.ts";

/**
 * `PUT /api/reports/:id/photos/:sha256` with XMLHttpRequest, because fetch has no upload progress.
 * Browser-only (Node has no XHR); the answer mapping it uses is tested in transports.test.ts.
 *
 * No overall timeout: a 400 KB photo over one bar of 2G can honestly take minutes. Instead the upload is
 * abandoned when nothing has moved for `stallMs`.
 */
export function xhrUploadPhoto(baseUrl = "", stallMs = 60_000): UploadPhoto {
  return (reportId, sha256, blob, onProgress) =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      let stalled = false;
      let watchdog = setTimeout(onStall, stallMs);
      function onStall() {
        stalled = true;
        xhr.abort();
      }
      const settle = () => clearTimeout(watchdog);

      xhr.open("PUT", `${baseUrl}/api/reports/${encodeURIComponent(reportId)}/photos/${sha256}`);
      xhr.setRequestHeader("content-type", blob.type || "application/octet-stream");
      xhr.setRequestHeader("accept", "application/json");
      xhr.upload.onprogress = (e) => {
        clearTimeout(watchdog);
        watchdog = setTimeout(onStall, stallMs);
        if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
      };
      xhr.onload = () => {
        settle();
        try {
          resolve(httpAnswer(xhr.status, xhr.responseText));
        } catch (err) {
          reject(err);
        }
      };
      xhr.onerror = () => {
        settle();
        reject(new NetworkError("network", "Network unreachable"));
      };
      xhr.onabort = () => {
        settle();
        reject(stalled ? new NetworkError("timeout", "The photo upload stalled") : new NetworkError("network", "Upload aborted"));
      };
      xhr.send(blob);
    });
}
