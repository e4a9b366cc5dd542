/** What was typed into index.html's static login form before the app's script took over. */
export interface ShellInput {
  username: string;
  password: string;
  /** The field that had the focus, to give it back. */
  focused: "username" | "password" | null;
  /**
   * The form's button had the focus: the officer pressed "Masuk" before the script was here (the static
   * form does nothing on submit), so the app sends the login as it takes over.
   */
  submitted: boolean;
}

export const shellInput: ShellInput = { username: "", password: "", focused: null, submitted: false };

/** Read the static form (if the page has one) before the app replaces it; call once at boot. */
export function takeShellInput(root: ParentNode, active: Element | null): void {
  const form = root.querySelector<HTMLFormElement>("[data-login-shell] form");
  if (!form) return;
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | null;
  shellInput.username = field("username")?.value ?? "";
  shellInput.password = field("password")?.value ?? "";
  const name = active && form.contains(active) ? active.getAttribute("name") : null;
  shellInput.focused = name === "username" || name === "password" ? name : null;
  shellInput.submitted = !!active && active === form.querySelector("button[type=submit]");
}
