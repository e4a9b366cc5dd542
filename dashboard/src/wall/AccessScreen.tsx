import { tx } from "./messages.ts";
import type { WallAccess } from "./wall.model.ts";

/**
 * Full screen, in large type, when the wall may not show data: a revoked kiosk token, no session, or an
 * account without the right. The screen keeps asking once a minute (wall-sync.ts), so a token restored
 * by an administrator brings the wall back without anyone touching it.
 */
export function AccessScreen({ access, retrySeconds }: { access: Exclude<WallAccess, "ok" | "loading">; retrySeconds: number }) {
  if (access === "revoked")
    return (
      <div class="wall-access wall-access--revoked" data-testid="wall-revoked" role="alert">
        <h1>{tx("wall.revoked.title")}</h1>
        <p>{tx("wall.revoked.body")}</p>
        <p class="wall-access-small">{tx("wall.revoked.retry", { n: retrySeconds })}</p>
      </div>
    );
  if (access === "forbidden")
    return (
      <div class="wall-access" data-testid="wall-forbidden" role="alert">
        <h1>{tx("wall.forbidden.title")}</h1>
        <p>{tx("wall.forbidden.body")}</p>
      </div>
    );
  return (
    <div class="wall-access" data-testid="wall-login" role="alert">
      <h1>{tx("wall.login.title")}</h1>
      <p>{tx("wall.login.body")}</p>
      <p>
        <a class="wall-access-link" href={`/login?next=${encodeURIComponent("/wall")}`}>
          {tx("wall.login.link")}
        </a>
      </p>
    </div>
  );
}
