import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const bundled = JSON.parse(readFileSync(new URL('../../public/data/bth-ozone.json', import.meta.url), 'utf8'));

export const tests = [
  {
    name: "a visitor's own dataset: a malformed one lists its problems by path, a valid one drives the explorer",
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en&view=methods`);
      const input = page.getByLabel('Load a dataset (JSON)');
      await input.waitFor({ timeout: 20_000 });
      const broken = structuredClone(bundled);
      broken.sources[3].emissions = -10;
      broken.coefficients.pop();
      await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
      const problems = page.locator('[data-testid="data-problems"]');
      await problems.waitFor();
      assert.match(await problems.innerText(), /broken\.json cannot be used: 2 problem\(s\)[\s\S]*sources\[3\]\.emissions: must be a finite number >= 0, got -10[\s\S]*coefficients: must have one row per receptor \(13\), got 12/);
      await input.setInputFiles({ name: 'not-json.json', mimeType: 'application/json', buffer: Buffer.from('{"format": ') });
      await page.waitForFunction(() => document.querySelector('[data-testid="data-problems"]').textContent.includes('not valid JSON'));

      // Halve every cost: the same plan at half the price.
      const cheaper = structuredClone(bundled);
      for (const source of cheaper.sources) for (const step of source.steps) step.cost /= 2;
      await input.setInputFiles({ name: 'cheaper.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(cheaper)) });
      assert.match(await page.locator('[data-testid="data-in-use"]').innerText(), /Using cheaper\.json/);
      await page.getByRole('button', { name: 'Explore' }).click();
      await waitForPlan();
      await page.waitForFunction(() => document.querySelector('[data-testid="cost-regional"]').textContent.includes('286 m yuan'));
      await page.getByRole('button', { name: 'Methods' }).click();
      await page.getByRole('button', { name: 'Back to the default dataset' }).click();
      await page.getByRole('button', { name: 'Explore' }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid="cost-regional"]').textContent.includes('572 m yuan'));
    },
  },
];
