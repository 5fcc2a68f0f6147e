import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Runs axe on the page and returns its serious and critical violations, one readable block each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await analyze(page);
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => {
      const nodes = v.nodes.slice(0, 6).map((n) => `    ${n.target.join(" ")}\n      ${n.failureSummary?.split("\n").join("\n      ")}`);
      const more = v.nodes.length > 6 ? `\n    … and ${v.nodes.length - 6} more` : "";
      return `[${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node${v.nodes.length === 1 ? "" : "s"})\n${nodes.join("\n")}${more}`;
    });
}

// `next dev` may reload a page once right after it loads (Fast Refresh after a compile);
// axe then loses its document, so it runs again on the reloaded one.
async function analyze(page: Page, attempts = 3) {
  for (let i = 1; ; i++) {
    try {
      return await new AxeBuilder({ page }).withTags(TAGS).exclude("nextjs-portal").analyze();
    } catch (e) {
      if (i >= attempts || !/Execution context was destroyed|navigat/i.test(String(e))) throw e;
      await page.waitForLoadState("load");
      await page.locator("h1").first().waitFor();
    }
  }
}
