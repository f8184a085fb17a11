import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** WCAG 2.1 A and AA (issue 10, item 13); best-practice rules are not part of the bar. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * The page's WCAG violations (or those inside `within`, a CSS selector) as one readable message per
 * rule; empty when there are none.
 */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (within) builder.include(within);
  const results = await builder
    .withTags(WCAG_TAGS)
    // Only violations come back: serialising every passing node doubles the time of a run.
    .options({ resultTypes: ["violations"] })
    .analyze();
  return results.violations.map((v) => {
    const nodes = v.nodes.slice(0, 6).map((n) => {
      const html = n.html.replace(/\s+/g, " ").slice(0, 140);
      // What axe measured (a contrast ratio and its two colours, a missing name…), in one line.
      const why = [...n.any, ...n.all, ...n.none].find((c) => c.message)?.message.slice(0, 160);
      return `    - ${n.target.join(" ")}  ${html}${why ? `\n      ${why}` : ""}`;
    });
    const more = v.nodes.length > 6 ? [`    … and ${v.nodes.length - 6} more`] : [];
    return [`${v.id} (${v.impact ?? "?"}): ${v.help}`, ...nodes, ...more].join("\n");
  });
}
