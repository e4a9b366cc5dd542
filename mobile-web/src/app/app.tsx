import { useContext } from "preact/hooks";
import { LoginView } from "../auth/login-view.tsx";
import { HomeView } from "../home/home-view.tsx";
import { AppBar } from "../ui/app-bar.tsx";
import { UpdateBanner } from "../pwa/update-banner.tsx";
import { AppContext } from "./context.ts";
import { lazyView } from "./lazy.tsx";
import { decideScreen } from "./screen.ts";

// Views past the home screen download on first use (and are precached by the service worker).
const SituationView = lazyView(() => import("../report-form/situation-view.tsx").then((m) => m.SituationView));
const PeriodicView = lazyView(() => import("../periodic/periodic-view.tsx").then((m) => m.PeriodicView));
const EditView = lazyView(() => import("../report-form/edit-view.tsx").then((m) => m.EditView));
const MyReportsView = lazyView(() => import("../my-reports/my-reports-view.tsx").then((m) => m.MyReportsView));
const ChangePasswordView = lazyView(() => import("../auth/change-password-view.tsx").then((m) => m.ChangePasswordView));

export function App() {
  const { session, router } = useContext(AppContext);
  const screen = decideScreen(session.user.value, router.route.value);
  if (screen.name !== "route")
    return (
      <>
        <UpdateBanner />
        {screen.name === "login" ? <LoginView /> : <ChangePasswordView />}
      </>
    );
  const route = screen.route;
  return (
    <>
      <AppBar />
      <UpdateBanner />
      <main class="main">
        {route.name === "home" && <HomeView />}
        {route.name === "situation" && <SituationView />}
        {route.name === "periodic" && <PeriodicView key={route.kind} kind={route.kind} />}
        {route.name === "edit" && <EditView key={route.clientId} clientId={route.clientId} />}
        {route.name === "my-reports" && <MyReportsView />}
      </main>
    </>
  );
}
