/**
 * Driving the annotation screen like a person: text is selected with real mouse drags (press on the
 * first character, release on the last; the app snaps to words) or with the keyboard from a caret
 * placed by a click. Only geometry is read from the page (where a character is drawn), never the
 * app's internals.
 *
 * Pointer coordinates are whole pixels, as a real mouse gives them: Chromium does not start a
 * drag-selection from a synthetic press at x.5 or more (found while writing these tests; the
 * same page selects fine from integer coordinates).
 */
import type { Page } from 'playwright-core';

export interface Point {
  x: number;
  y: number;
}

/**
 * Where the `index`-th character of the `occurrence`-th match of `needle` is drawn in the text pane
 * (its centre, and its left and right edges), after scrolling its paragraph into view.
 */
export async function charAt(page: Page, needle: string, index: number, occurrence = 1): Promise<Point & { left: number; right: number }> {
  const box = await page.evaluate(
    ({ needle, index, occurrence }) => {
      const paragraphs = Array.from(document.querySelectorAll<HTMLElement>('article.doc-text p[data-start]'));
      let seen = 0;
      for (const p of paragraphs) {
        const node = p.firstChild as Text | null;
        if (!node) continue;
        let from = 0;
        for (;;) {
          const at = node.data.indexOf(needle, from);
          if (at < 0) break;
          if (++seen === occurrence) {
            p.scrollIntoView({ block: 'center' });
            const r = document.createRange();
            const i = at + (index < 0 ? needle.length + index : index);
            r.setStart(node, i);
            r.setEnd(node, i + 1);
            const rect = r.getClientRects()[0]!;
            const px = Math.round;
            return { x: px(rect.left + rect.width / 2), y: px(rect.top + rect.height / 2), left: Math.ceil(rect.left), right: Math.floor(rect.right) };
          }
          from = at + 1;
        }
      }
      throw new Error(`“${needle}” (occurrence ${occurrence}) is not in the text pane`);
    },
    { needle, index, occurrence },
  );
  return box;
}

/** Drags the mouse from the first to the last character of `needle` (the app snaps the rest). */
export async function dragSelect(page: Page, needle: string, occurrence = 1): Promise<void> {
  const from = await charAt(page, needle, 0, occurrence);
  const to = await charAt(page, needle, -1, occurrence);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const steps = 8;
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(Math.round(from.x + ((to.x - from.x) * i) / steps), Math.round(from.y + ((to.y - from.y) * i) / steps));
  }
  await page.mouse.up();
}

/** Clicks just before the first character of `needle`, then extends the selection word by word. */
export async function keyboardSelectWords(page: Page, needle: string, words: number, occurrence = 1): Promise<void> {
  const first = await charAt(page, needle, 0, occurrence);
  const ltr = await page.evaluate(() => getComputedStyle(document.querySelector('article.doc-text')!).direction !== 'rtl');
  await page.mouse.click(ltr ? first.left + 1 : first.right - 1, first.y);
  await page.keyboard.down('Shift');
  for (let i = 0; i < words; i++) await page.keyboard.press('Control+ArrowRight');
  await page.keyboard.up('Shift');
}

/** Opens a document from the Library by searching for words in it. */
export async function openBySearch(page: Page, query: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search documents' });
  // Clear first, so that the hits of an earlier search are never the ones clicked.
  await box.fill('');
  await page.locator('button.hit').first().waitFor({ state: 'detached' });
  await box.fill(query);
  await page.locator('button.hit').first().click();
  await page.getByRole('article', { name: 'Document text' }).waitFor();
  await page.getByRole('region', { name: 'Annotations' }).waitFor();
}
