import type { ComponentChildren } from "preact";
import { currentPath, navigate } from "./router.ts";

interface Props {
  href: string;
  children: ComponentChildren;
  class?: string;
  "data-testid"?: string;
}

/** An anchor that routes in-page on a plain click and behaves like a link otherwise (new tab, copy). */
export function Link({ href, children, ...rest }: Props) {
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick} aria-current={currentPath.value === href ? "page" : undefined} {...rest}>
      {children}
    </a>
  );
}
