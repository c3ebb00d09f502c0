import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const bundled = JSON.parse(readFileSync(new URL('../../public/data/bth-ozone-calibrated.json', import.meta.url), 'utf8'));
const tiny = readFileSync(new URL('../fixtures/tiny-dataset.json', import.meta.url));
const split = readFileSync(new URL('../fixtures/split-dataset.json', import.meta.url));

export const tests = [
  {
    name: "a visitor's own dataset: a malformed one lists its problems by path, a valid one drives the explorer",
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en&view=methods&data=bth-ozone-calibrated`);
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
      await page.waitForFunction(() => document.querySelector('[data-testid="cost-regional"]').textContent.includes('0.286 bn yuan'));
      await page.getByRole('button', { name: 'Methods' }).click();
      await page.getByRole('button', { name: 'Back to the default dataset' }).click();
      await page.getByRole('button', { name: 'Explore' }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid="cost-regional"]').textContent.includes('0.572 bn yuan'));
    },
  },
  {
    name: 'a small foreign dataset (other places, two provinces, one pollutant) drives every view',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en&view=methods`);
      const input = page.getByLabel('Load a dataset (JSON)');
      await input.waitFor({ timeout: 20_000 });
      await input.setInputFiles({ name: 'tiny.json', mimeType: 'application/json', buffer: tiny });
      await page.locator('[data-testid="data-in-use"]').waitFor();
      await page.getByRole('button', { name: 'Explore' }).click();
      await waitForPlan();
      // Its own slider range and default place, its own pollutant and provinces.
      const slider = page.locator('#target-slider');
      assert.deepEqual([await slider.getAttribute('min'), await slider.getAttribute('max')], ['120', '180']);
      assert.equal(await page.getByRole('button', { name: 'Riverton only' }).count() + await page.getByRole('button', { name: 'All 2' }).count(), 1);
      const table = page.locator('[data-testid="cuts-table"]');
      assert.match(await table.locator('thead').innerText(), /NMVOC cut/);
      assert.doesNotMatch(await table.innerText(), /\bNOx\b|\bVOC\b|Beijing|Hebei/);
      assert.doesNotMatch(await page.locator('main').innerText(), /NaN|Infinity|undefined/);
      await page.getByRole('button', { name: 'Who pays' }).click();
      await page.getByRole('radio', { name: '2 provinces' }).waitFor();
      await page.getByRole('radio', { name: '3 cities' }).check();
      // The provinces' table may still be on screen until the cities' game comes in.
      await page.waitForFunction(() => /Riverton[\s\S]*Hillcrest|Hillcrest[\s\S]*Riverton/.test(document.querySelector('[data-testid="pay-table"]')?.textContent ?? ''), null, { timeout: 20_000 });
      await page.getByRole('button', { name: 'Methods' }).click();
      assert.match(await page.locator('main').innerText(), /Tiny valley/);
    },
  },
  {
    name: 'a split dataset (receptor ids unlike place ids; a place with two receptors, one with none): places are named and picked as places',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en&view=methods`);
      const input = page.getByLabel('Load a dataset (JSON)');
      await input.waitFor({ timeout: 20_000 });
      await input.setInputFiles({ name: 'split.json', mimeType: 'application/json', buffer: split });
      await page.locator('[data-testid="data-in-use"]').waitFor();
      await page.getByRole('button', { name: 'Explore' }).click();
      await waitForPlan();
      // Receptors are named by their place (and told apart where a place holds two).
      await page.getByRole('button', { name: 'Lakeside only' }).waitFor();
      await page.locator('.receptors summary').click();
      await page.getByRole('checkbox', { name: 'Riverton · rv-south' }).check();
      await page.waitForURL(/receptors=rv-south%2Clk-pier|receptors=rv-south,lk-pier/);
      await waitForPlan();
      // A place with no receptor can be picked on the map; the link, the table and the merit order's key follow.
      const hillcrest = page.getByRole('button', { name: /^Hillcrest: / });
      await hillcrest.focus();
      await page.keyboard.press('Enter');
      assert.equal(await hillcrest.getAttribute('aria-pressed'), 'true');
      await page.waitForURL(/selected=hillcrest/);
      assert.match(await page.locator('[data-testid="cuts-table"] tr.selected').innerText(), /^Hillcrest/);
      assert.match(await page.locator('main').innerText(), /Hillcrest, selected on the map/);
      assert.doesNotMatch(await page.locator('main').innerText(), /lk-pier|NaN|Infinity|undefined/);
    },
  },
];
