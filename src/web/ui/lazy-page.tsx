import { type ComponentType, lazy, type ReactNode, Suspense } from "react";
import { PageLoader } from "./page-states.js";

let pages = 0;

/**
 * A route's page loaded on first visit (its own chunk), so an app's first load carries only the pages it
 * shows first. `load` is a literal `import()` for the bundler to see. The first page also brings every
 * Mantine style (the first load has the shell's only): started first, its stylesheet comes first in the
 * document, before the page's own (dates, charts), as Mantine requires. Each page has a Suspense boundary of
 * its own (a key per page): a new boundary shows the page loader at once, where one already on screen
 * would keep the previous page while the router's navigation (a transition) waits for the chunk.
 */
export function lazyPage<K extends string>(
  load: () => Promise<{ [name in K]: ComponentType }>,
  name: K,
): ReactNode {
  const Page = lazy(async (): Promise<{ default: ComponentType }> => {
    const [, module] = await Promise.all([import("./full-styles.js"), load()]);
    return { default: module[name] };
  });
  pages += 1;
  return (
    <Suspense key={`${name}-${pages}`} fallback={<PageLoader />}>
      <Page />
    </Suspense>
  );
}

const reloadedAtKey = "portico.chunk-reload";

/**
 * After a deploy the old hashed chunks are gone: a page still open fails to import the next one. Loading the
 * page again fetches the new index.html; at most once a minute, so a server that is down does not loop.
 */
export function reloadOnStaleChunks(): void {
  window.addEventListener("vite:preloadError", (event) => {
    try {
      const last = Number(sessionStorage.getItem(reloadedAtKey) ?? 0);
      if (Date.now() - last < 60_000) return;
      sessionStorage.setItem(reloadedAtKey, String(Date.now()));
    } catch {
      return;
    }
    event.preventDefault();
    window.location.reload();
  });
}
