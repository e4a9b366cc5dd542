import { useEffect } from "preact/hooks";
import { navigate } from "./router.ts";

/** Navigate after render: changing the route while rendering would re-enter the render. */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
