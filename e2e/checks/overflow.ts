import type { Page } from "@playwright/test";

/**
 * Null when the page does not scroll sideways; otherwise a message naming the elements that reach
 * furthest past the viewport's right edge (those inside a sideways-scrolling or clipping box don't count:
 * they make that box scroll, not the page).
 */
export async function pageOverflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth <= width) return null;
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const x = getComputedStyle(p).overflowX;
        if (x === "auto" || x === "scroll" || x === "hidden" || x === "clip") return true;
      }
      return false;
    };
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : "";
      const cls = [...el.classList]
        .slice(0, 2)
        .map((c) => `.${c}`)
        .join("");
      const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 50);
      return `${el.tagName.toLowerCase()}${id}${cls}${text ? ` "${text}"` : ""}`;
    };
    const offenders = [...document.body.querySelectorAll("*")]
      .map((el) => ({ el, rect: el.getBoundingClientRect() }))
      .filter(({ el, rect }) => rect.width > 0 && rect.height > 0 && rect.right > width + 1 && !clipped(el))
      // The element that first crosses the edge, inside a parent that does not: that is what to fix.
      .filter(({ el }) => {
        const parent = el.parentElement;
        return !parent || parent === document.body || parent.getBoundingClientRect().right <= width + 1;
      })
      .sort((a, b) => b.rect.right - a.rect.right)
      .slice(0, 5)
      .map(({ el, rect }) => `    - ${describe(el)} reaches ${Math.round(rect.right)} px`);
    return [`page is ${root.scrollWidth} px wide in a ${width} px viewport:`, ...offenders].join("\n");
  });
}
