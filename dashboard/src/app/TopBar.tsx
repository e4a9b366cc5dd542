import { t } from "../i18n/i18n.ts";
import { LangToggle } from "../i18n/LangToggle.tsx";
import { BellSlot } from "../notifications/BellSlot.tsx";
import { ROUTES, canOpen, type RouteName } from "./access.ts";
import { Link } from "./Link.tsx";
import { models } from "./models.ts";
import { navigate } from "./router.ts";

const NAV = ["map", "news", "ops", "incidents", "followUps", "alerts", "stats", "scorecard", "users", "subCategories", "agencies", "facilities", "newsAdmin", "jobs", "duties", "kiosks", "audit", "profile"] as const satisfies readonly RouteName[];

/** App name, the views this role may open, language, and the session control. */
export function TopBar() {
  const { session } = models;
  const user = session.user.value;
  const role = session.role.value;

  const logout = async () => {
    await session.logout().catch(() => undefined);
    navigate(ROUTES.map.path);
  };

  return (
    <header class="topbar">
      <div class="brand">
        <span class="brand-name">{t("app.name")}</span>
        <span class="brand-sub">{t("app.subtitle")}</span>
      </div>
      <nav aria-label={t("nav.main")}>
        {NAV.filter((name) => canOpen(name, role)).map((name) => {
          const route = ROUTES[name];
          return (
            <Link key={name} href={route.path} data-testid={`nav-${name}`}>
              {t(route.label)}
            </Link>
          );
        })}
      </nav>
      <div class="topbar-end">
        <LangToggle />
        {user ? (
          <>
            <BellSlot key={user.id} />
            <span class="whoami" data-testid="whoami" title={t(`role.${user.role}`)}>
              {user.displayName}
            </span>
            <button type="button" class="button-quiet" data-testid="logout" onClick={logout}>
              {t("nav.logout")}
            </button>
          </>
        ) : (
          <Link href={ROUTES.login.path} class="button" data-testid="login-link">
            {t("nav.login")}
          </Link>
        )}
      </div>
    </header>
  );
}
