import type { Page } from "playwright-core";
import { DEMO_PASSWORD } from "./artifacts.ts";

/** The office dashboard's login form; `path` may carry `?next=`. Resolves once the form is sent. */
export async function signInDashboard(page: Page, baseUrl: string, username: string, opts: { password?: string; path?: string } = {}) {
  await page.goto(`${baseUrl}${opts.path ?? "/login"}`);
  await page.fill("input[name=username]", username);
  await page.fill("input[name=password]", opts.password ?? DEMO_PASSWORD);
  await page.getByTestId("login-submit").click();
}

/** The officer app at /m/: signs in with the demo password and waits for the home screen. */
export async function signInPhone(page: Page, baseUrl: string, username: string) {
  await page.goto(`${baseUrl}/m/`);
  await page.fill("input[name=username]", username);
  await page.fill("input[name=password]", DEMO_PASSWORD);
  await page.click("button[type=submit]");
  await page.getByTestId("officer-home").waitFor();
}
