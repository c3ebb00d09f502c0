import assert from 'node:assert/strict';
import { calibrated } from './expected.mjs';
import { waitForPlan as planOn } from './harness.mjs';

const text = (page, testid) => page.locator(`[data-testid="${testid}"]`).innerText();

export const tests = [
  {
    name: 'hostile: a solver worker that cannot load gives a clear message and a retry, not an endless Loading',
    async run({ page, origin }) {
      await page.route(/solver\.worker[^/]*\.js$/, (route) => route.fulfill({ status: 404, body: 'missing' }));
      // The page reports the failure itself; the browser's own 404 line is expected here.
      page.removeAllListeners('console');
      await page.goto(`${origin}/?lang=en`);
      const alert = page.locator('main.fatal');
      await alert.waitFor({ timeout: 30_000 });
      assert.match(await alert.innerText(), /The solver could not start/);
      assert.equal(await alert.getByRole('button', { name: 'Try again' }).count(), 1);
    },
  },
  {
    name: 'hostile: a solver whose WebAssembly is missing says which file and the HTTP status',
    async run({ page, origin }) {
      await page.route(/\.wasm$/, (route) => route.fulfill({ status: 404, body: 'missing' }));
      page.removeAllListeners('console');
      page.removeAllListeners('pageerror');
      await page.goto(`${origin}/?lang=en`);
      const alert = page.locator('main.fatal');
      await alert.waitFor({ timeout: 30_000 });
      assert.match(await alert.innerText(), /could not be downloaded: HTTP 404/);
    },
  },
  {
    name: 'hostile: a rejected dataset leaves the previous one working',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en&data=bth-ozone-calibrated`);
      await waitForPlan();
      const before = await text(page, 'cost-regional');
      await page.getByRole('button', { name: 'Methods' }).click();
      const input = page.getByLabel('Load a dataset (JSON)');
      await input.waitFor({ timeout: 20_000 });
      // Valid JSON and schema, but absurd: every coefficient beyond the physical limits.
      const absurd = structuredClone(calibrated);
      absurd.coefficients[0][0] = [1e6, 1e6];
      await input.setInputFiles({ name: 'absurd.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(absurd)) });
      await page.locator('[data-testid="data-problems"]').waitFor();
      await input.setInputFiles({ name: 'bad-utf8.json', mimeType: 'application/json', buffer: Buffer.from([0x7b, 0xff, 0x7d]) });
      await page.waitForFunction(() => document.querySelector('[data-testid="data-problems"]').textContent.includes('UTF-8'));
      await page.getByRole('button', { name: 'Explore' }).click();
      await waitForPlan();
      assert.equal(await text(page, 'cost-regional'), before);
    },
  },
  {
    name: 'hostile: a slide number past the lesson is refused with a notice; ending a lesson restores the view before it',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en&slide=19`);
      await waitForPlan();
      assert.match(await page.locator('.notices').innerText(), /“slide”/);
      assert.equal(await page.locator('[data-testid="lesson"]').count(), 0);
      await page.goto(`${origin}/?lang=en&target=205&scenario=local&color=spending`);
      await waitForPlan();
      await page.getByRole('button', { name: 'Lesson' }).click();
      await page.getByRole('button', { name: 'Start the built-in lesson' }).click();
      await page.locator('[data-testid="lesson"]').waitFor();
      await page.getByRole('button', { name: 'End lesson' }).click();
      assert.equal(await page.locator('#target-slider').inputValue(), '205');
      await page.waitForURL(/scenario=local/);
      assert.match(page.url(), /color=spending/);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
    },
  },
  {
    name: "hostile: two tabs editing the teacher's deck keep each other's slides",
    async run({ page, origin }) {
      const other = await page.context().newPage();
      // Two different views, so each tab has a slide of its own to add.
      for (const [p, target] of [[page, 200], [other, 190]]) {
        await p.goto(`${origin}/?lang=en&target=${target}`);
        await planOn(p);
        await p.getByRole('button', { name: 'Lesson' }).click();
      }
      await page.getByRole('button', { name: /Add this view/ }).click();
      await other.waitForFunction(() => document.querySelectorAll('[data-testid="deck"] li').length === 1);
      await other.getByRole('button', { name: /Add this view/ }).click();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="deck"] li').length === 2);
      await other.close();
    },
  },
  {
    name: 'hostile: a deck link too long for a QR code still shares its link and says why there is no code',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en`);
      await waitForPlan();
      const deck = Buffer.from(JSON.stringify(Array.from({ length: 20 }, (_, i) => `target=${(180 + i / 10).toFixed(1)}&scenario=local&receptors=beijing,tianjin,baoding,langfang&color=effectiveness&v=1`))).toString('base64url');
      await page.goto(`${origin}/?lang=en&deck=${deck}`);
      await waitForPlan();
      await page.getByRole('button', { name: 'Share', exact: true }).click();
      await page.locator('[data-testid="share-qr-too-long"]').waitFor();
      assert.match(await page.locator('#share-url').inputValue(), /deck=/);
    },
  },
];
