import type { ComponentType } from "preact";
import { AuditPage } from "../audit/AuditPage.tsx";
import { LoginPage } from "../auth/LoginPage.tsx";
import { SubCategoriesPage } from "../sub-categories/SubCategoriesPage.tsx";
import { ProfilePage } from "../auth/ProfilePage.tsx";
import { t } from "../i18n/i18n.ts";
import { PublicMapPage } from "../map/PublicMapPage.tsx";
import { OpsPage } from "../ops/OpsPage.tsx";
import { UsersPage } from "../users/UsersPage.tsx";
import { Banner } from "../ui/Banner.tsx";
import { canOpen, landingPath, routeForPath, ROUTES, type RouteName } from "./access.ts";
import { models } from "./models.ts";
import { Redirect } from "./Redirect.tsx";
import { currentPath, queryParam, safeNext } from "./router.ts";
import { TopBar } from "./TopBar.tsx";

const PAGES: Record<RouteName, ComponentType> = {
  map: PublicMapPage,
  ops: OpsPage,
  users: UsersPage,
  audit: AuditPage,
  subCategories: SubCategoriesPage,
  profile: ProfilePage,
  login: LoginPage,
};

export function App() {
  return (
    <div class="app">
      <TopBar />
      <main class="app-main">
        <CurrentPage />
      </main>
    </div>
  );
}

/** The page for the current path, or why it cannot be shown. */
function CurrentPage() {
  const { session } = models;
  const route = routeForPath(currentPath.value);
  if (!route) return <Banner kind="error">{t("page.notFound")}</Banner>;
  if (!session.ready.value && route !== "map") return <p class="page-loading">{t("common.loading")}</p>;

  const user = session.user.value;
  if (route === "login" && user) return <Redirect to={safeNext(queryParam("next")) ?? landingPath(user.role)} />;
  // A temporary password must be replaced before anything else.
  if (user?.mustChangePassword && route !== "profile" && route !== "map") return <Redirect to={ROUTES.profile.path} />;
  if (!canOpen(route, session.role.value)) {
    if (!user) return <Redirect to={`${ROUTES.login.path}?next=${encodeURIComponent(currentPath.value)}`} />;
    return <Banner kind="error">{t("page.forbidden")}</Banner>;
  }
  const Page = PAGES[route];
  return <Page />;
}
