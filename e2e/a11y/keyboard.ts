import { expect, type Locator, type Page } from "@playwright/test";

/** Whether the focused element shows a focus ring (an outline, or a ring drawn by its figure/box). */
export async function focusRingShown(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const shows = (el: Element | null) => {
      if (!el) return false;
      const cs = getComputedStyle(el);
      return (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0) || (cs.boxShadow !== "none" && cs.boxShadow !== "");
    };
    const el = document.activeElement;
    return shows(el) || shows(el?.closest("figure") ?? null);
  });
}

/** Presses Tab until `target` has focus (at most `max` presses), checking each stop shows a focus ring. */
export async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const here = await target.evaluate((el) => el === document.activeElement).catch(() => false);
    const tag = await page.evaluate(() => document.activeElement?.tagName.toLowerCase());
    // Next's development overlay is focusable in `next dev` only.
    if (tag !== "nextjs-portal" && tag !== "body") {
      const label = await page.evaluate(() => `${document.activeElement?.tagName} ${(document.activeElement?.textContent ?? "").trim().slice(0, 40)}`);
      expect(await focusRingShown(page), `focus ring on ${label}`).toBe(true);
    }
    if (here) return;
  }
  throw new Error(`${target} not reached with ${max} presses of Tab`);
}

export async function expectFocused(target: Locator): Promise<void> {
  await expect.poll(() => target.evaluate((el) => el === document.activeElement)).toBe(true);
}
