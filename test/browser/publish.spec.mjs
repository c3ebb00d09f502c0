// What leaves the page or guards it when published: the Content-Security-Policy of the built page,
// and the view printed as a handout.
import assert from 'node:assert/strict';

/** Records every CSP violation the page reports (the console error alone names no directive). */
async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return () => page.evaluate(() => window.__violations);
}

export const tests = [
  {
    name: 'publish: under its Content-Security-Policy the page solves, draws the map, runs the worker and exports a chart',
    async run({ page, origin, waitForPlan }) {
      const violations = await recordViolations(page);
      await page.goto(`${origin}/?lang=en`);
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "object-src 'none'", "base-uri 'self'"])
        assert.ok(policy.split('; ').includes(directive), `the policy has ${directive}: ${policy}`);
      assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/, 'no inline script or style, no eval');
      assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script');
      // The solver worker answers (the summary is its plan) and maplibre's worker draws the places.
      await waitForPlan();
      assert.deepEqual(await violations(), [], 'CSP violations');
      assert.match(await page.locator('[data-testid="summary"]').innerText(), /\d/);
      await page.waitForFunction(() => document.querySelectorAll('button.label').length === 13, null, { timeout: 20_000 });
      // A drag re-solves in the worker.
      const slider = page.getByRole('slider').first();
      await slider.focus();
      await page.keyboard.press('ArrowLeft');
      await waitForPlan();
      // Chart export: the SVG drawn to a PNG through a blob: image.
      await page.locator('header').getByRole('button', { name: 'Share', exact: true }).click();
      const png = page.locator('dialog[open]').getByRole('group', { name: 'Cost curve' }).getByRole('button', { name: 'Download PNG' });
      await png.waitFor();
      await page.waitForFunction((el) => !el.disabled, await png.elementHandle(), { timeout: 30_000 });
      await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), png.click()]);
      await page.keyboard.press('Escape');
      assert.deepEqual(await violations(), [], 'CSP violations');
      // The other views: who pays (the game solves in the worker), the classroom game and the methods page.
      for (const view of ['pay', 'game', 'methods']) {
        await page.goto(`${origin}/?lang=zh&view=${view}`);
        await page.locator('main').waitFor();
        await page.waitForTimeout(1500);
        assert.deepEqual(await violations(), [], `CSP violations (${view})`);
      }
    },
  },
  {
    name: 'publish: printing the view gives a handout with the answer, the numbers, the charts, the link and the citation, and no controls',
    // About an A4 page's width: print emulation lays the page out at the window's width.
    viewport: { width: 800, height: 1100 },
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en&target=190.0`);
      await waitForPlan();
      const answer = await page.locator('[data-testid="headline"]').innerText();
      assert.match(answer, /190\.0/);
      await page.locator('[data-testid="print-note"]').waitFor({ state: 'attached' });
      assert.equal(await page.locator('[data-testid="print-note"]').isVisible(), false, 'the print note is for paper only');

      await page.emulateMedia({ media: 'print' });
      // The charts re-measure their width under print media.
      await page.waitForTimeout(500);
      const printed = await page.evaluate(() => document.body.innerText);
      const link = await page.locator('[data-testid="print-link"]').innerText();
      assert.match(link, new RegExp(`^${origin}/\\?.*target=190`), link);
      for (const text of [answer, link, 'Cite as:', 'dataset v', 'Cost against target', 'Which cuts come first', 'Cuts and spending'])
        assert.ok(printed.includes(text), `the handout says ${JSON.stringify(text)}`);
      assert.match(printed, /Regional joint control[\s\S]*Local control/, 'the cost cards');
      for (const control of ['header nav', 'header button', 'input[type="range"]', 'select', '[data-testid="headline-hint"]'])
        assert.equal(await page.locator(control).first().isVisible().catch(() => false), false, `${control} does not print`);
      for (const chart of ['cost-curve', 'merit-order']) {
        const box = await page.locator(`svg[data-chart="${chart}"]`).boundingBox();
        assert.ok(box && box.width > 300 && box.width <= 780, `${chart} fits the page: ${JSON.stringify(box)}`);
      }

      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
      assert.ok(pages >= 1 && pages <= 8, `${pages} pages`);

      // In Chinese too.
      await page.emulateMedia({ media: 'screen' });
      await page.goto(`${origin}/?lang=zh&target=190.0`);
      await waitForPlan();
      await page.emulateMedia({ media: 'print' });
      const zh = await page.evaluate(() => document.body.innerText);
      assert.ok(zh.includes('此视图的在线链接：') && zh.includes('引用格式：') && zh.includes('数据集 v'), 'the Chinese handout names its link and citation');
    },
  },
];
