// What leaves the page or guards it when published: the Content-Security-Policy of the built page.
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
      await page.locator('header button', { hasText: 'Share' }).first().click();
      const png = page.locator('dialog[open]').getByRole('group', { name: 'Cost curve' }).getByRole('button', { name: 'Download PNG' });
      await png.waitFor();
      await page.waitForFunction((el) => !el.disabled, await png.elementHandle(), { timeout: 30_000 });
      await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), png.click()]);
      await page.keyboard.press('Escape');
      assert.deepEqual(await violations(), [], 'CSP violations');
      // The other views: who pays (the game solves in the worker) and the methods page.
      for (const view of ['pay', 'methods']) {
        await page.goto(`${origin}/?lang=zh&view=${view}`);
        await page.locator('main').waitFor();
        await page.waitForTimeout(1500);
        assert.deepEqual(await violations(), [], `CSP violations (${view})`);
      }
    },
  },
];
