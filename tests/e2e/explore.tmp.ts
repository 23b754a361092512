import path from 'node:path';
import { startApp, CORPUS } from './harness.ts';
import { dragSelect, openBySearch, charAt } from './annotate-helpers.ts';
const app = await startApp();
const { page } = app;
try {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import documents' }).click();
  await (await chooser).setFiles([path.join(CORPUS, '000_f0441c74b4d07c9b.txt')]);
  await page.getByText('1 imported').waitFor();
  await openBySearch(page, 'stepping up');
  const T = process.env.NEEDLE ?? "War-torn Syria has become the region's main production site for a multi-billion-dollar trade";
  console.log(await charAt(page, T, 0), await charAt(page, T, -1));
  const a = await charAt(page, T, 0);
  console.log('els', await page.evaluate(({x,y}) => document.elementsFromPoint(x,y).map(e => e.nodeName + '.' + e.className).join(' > '), a));
  console.log('el', await page.evaluate(({x,y}) => { const e = document.elementFromPoint(x,y); return e?.outerHTML.slice(0,80) + ' scroll=' + document.querySelector('article')!.scrollTop; }, a));
  await page.evaluate(() => { for (const ev of ['mousedown','mousemove','mouseup','selectstart','dragstart']) document.addEventListener(ev, (e) => { (window as any).log = ((window as any).log ?? []).concat(ev + (e.defaultPrevented ? '!' : '') + ':' + ((e.target as Element).className || (e.target as Element).nodeName)); }, true); });
  if (process.env.REMOVE) await page.evaluate((sel) => document.querySelectorAll(sel).forEach((e) => e.remove()), process.env.REMOVE);
  if (process.env.CLONE) await page.evaluate(() => { const a = document.querySelector('article')!; a.replaceWith(a.cloneNode(true)); });
  if (process.env.NOHL) await page.evaluate(() => CSS.highlights.clear());
  if (process.env.NOCARET) await page.evaluate(() => document.querySelector('.text-caret')?.remove());
  if (process.env.NOREL) await page.evaluate(() => { document.querySelector<HTMLElement>('article')!.style.position = 'static'; });
  if (process.env.CLICKFIRST) { await page.mouse.click(a.x, a.y - 60); await page.waitForTimeout(200); }
  await page.mouse.move(a.x, a.y);
  if (process.env.WAIT) await page.waitForTimeout(200);
  await page.mouse.down();
  console.log('after down', await page.evaluate(() => document.getSelection()?.anchorNode?.textContent?.slice(0,30)));
  const b = await charAt(page, T, -1);
  await page.mouse.move(b.x, b.y, { steps: 5 });
  console.log('during', await page.evaluate(() => { const s = document.getSelection()!; return [s.type, s.anchorOffset, s.focusOffset, s.focusNode?.nodeName, document.activeElement?.tagName]; }));
  await page.mouse.up();
  console.log(await page.evaluate(() => (window as any).log.join(' ')));
  console.log('sel', await page.evaluate(() => document.getSelection()?.toString()));
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/shots/b1.png' });
  console.log(app.problems);
} catch (e) {
  console.error(e);
} finally {
  await app.close();
}
