import { t } from "../i18n/i18n.ts";
import { Banner } from "../ui/Banner.tsx";
import { canOpen, landingPath, ROUTES } from "./access.ts";
import { models } from "./models.ts";
import { Redirect } from "./Redirect.tsx";
import { currentPath, queryParam, safeNext } from "./router.ts";
import { routeForPath } from "./routes.ts";
import { TopBar } from "./TopBar.tsx";

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
  const match = routeForPath(currentPath.value);
  if (!match) return <Banner kind="error">{t("page.notFound")}</Banner>;
  const route = match.name;
  if (!session.ready.value && route !== "map") return <p class="page-loading">{t("common.loading")}</p>;

  const user = session.user.value;
  // Just registered (or already signed in): the profile is where subscriptions are chosen.
  if (route === "register" && user) return <Redirect to={ROUTES.profile.path} />;
  if (route === "login" && user) return <Redirect to={safeNext(queryParam("next")) ?? landingPath(user.role)} />;
  // A temporary password must be replaced before anything else.
  if (user?.mustChangePassword && route !== "profile" && route !== "map") return <Redirect to={ROUTES.profile.path} />;
  if (!canOpen(route, session.role.value)) {
    if (!user) return <Redirect to={`${ROUTES.login.path}?next=${encodeURIComponent(currentPath.value)}`} />;
    return <Banner kind="error">{t("page.forbidden")}</Banner>;
  }
  const Page = ROUTES[route].page;
  return <Page params={match.params} />;
}
