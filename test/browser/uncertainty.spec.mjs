import assert from 'node:assert/strict';
import { legendLabels } from './expected.mjs';

const text = (page, testid) => page.locator(`[data-testid="${testid}"]`).innerText();
/** The Monte Carlo run (1,000 draws) starts 400 ms after the plan settles. */
const DRAWS_TIMEOUT = 60_000;

export const tests = [
  {
    name: 'How sure: the draws finish and show each headline number with its 90% interval, in the panel, the cards and the sentence',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en`);
      await waitForPlan();
      await page.waitForSelector('[data-testid="sure-results"]', { timeout: DRAWS_TIMEOUT });
      const panel = await text(page, 'how-sure');
      assert.match(panel, /How sure\?/);
      // Regional control reaches the default target: its median and interval are numbers.
      assert.match(await text(page, 'sure-regional'), /(bn|m) yuan median\s+90% of draws between [\d.]+ (bn|m) yuan and [\d.]+ (bn|m) yuan/);
      // Reach first: how often each plan can reach the target, over every draw, in words.
      assert.match(await text(page, 'sure-reach'), /^In (over |under )?\d+% of 1,000 draws of the uncertain inputs acting together can reach the target; acting alone in (over |under )?\d+%\.$/);
      // Each plan's interval names the draws it is taken over.
      assert.match(await text(page, 'sure-regional'), /over the [\d,]+ draws that reach it/);
      assert.doesNotMatch(await page.locator('.side').innerText(), /NaN|Infinity|undefined/);
      // The tornado: an image with a description, and a plain reading.
      const svg = page.locator('[data-testid="tornado"] svg[role="img"]');
      assert.match(await svg.locator('desc').textContent(), /the most important first/);
      assert.match(await text(page, 'tornado-reading'), /depends most on /);
      // The card and the sentence carry the interval too.
      assert.match(await text(page, 'interval-regional'), /^90% of [\d,]+ draws: [\d.]+\s(bn|m) yuan to [\d.]+\s(bn|m) yuan$/);
      assert.match(await text(page, 'summary'), /of 1,000 draws of the uncertain inputs acting together can reach the target; .*\(90% of those draws between/);
    },
  },
  {
    name: 'How sure: cancel stops the draws; run again with another seed puts the seed in the URL',
    async run({ page, origin, waitForPlan }) {
      // Two places: every draw is an LP, so the run lasts long enough to cancel.
      await page.goto(`${origin}/?lang=en&receptors=beijing,tianjin`);
      await waitForPlan();
      const cancel = page.getByRole('button', { name: 'Cancel' });
      await cancel.waitFor({ timeout: 20_000 });
      assert.equal(await page.locator('[data-testid="how-sure"] progress').count(), 1);
      await cancel.click();
      await page.waitForSelector('[data-testid="sure-cancelled"]');
      assert.equal(await page.locator('[data-testid="sure-results"]').count(), 0, 'no numbers from an unfinished run');
      assert.equal(await page.locator('[data-testid="how-sure"] progress').count(), 0);
      await page.getByRole('button', { name: 'Run again with another seed' }).click();
      await page.waitForURL(/[?&]seed=\d+/);
      await page.getByRole('button', { name: 'Cancel' }).waitFor({ timeout: 20_000 });
    },
  },
  {
    name: 'adjusting an assumption re-solves, goes into the URL with a badge, and reset clears it',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en`);
      await waitForPlan();
      const before = await text(page, 'cost-regional');
      assert.equal(await page.locator('[data-testid="assume-badge"]').count(), 0);
      const slider = page.locator('[data-testid="assume-costs"]');
      await slider.focus();
      await page.keyboard.press('End'); // all step costs at the top of their range, 2×
      await page.waitForFunction((b) => document.querySelector('[data-testid="cost-regional"]').innerText !== b, before);
      assert.match(await text(page, 'assumptions'), /All step costs\s+2×/);
      await page.waitForSelector('[data-testid="assume-badge"]');
      assert.equal(await text(page, 'assume-badge'), 'Changed from the dataset');
      await page.waitForURL(/[?&]adjust=costs:2(&|$)/);
      // A link with the value opens with it applied.
      const adjusted = await text(page, 'cost-regional');
      await page.getByTestId('assume-reset').click();
      await page.waitForFunction((b) => document.querySelector('[data-testid="cost-regional"]').innerText === b, before);
      assert.equal(await page.locator('[data-testid="assume-badge"]').count(), 0);
      await page.waitForURL((url) => !url.search.includes('adjust='));
      await page.goto(`${origin}/?lang=en&adjust=costs:2`);
      await waitForPlan();
      await page.waitForFunction((a) => document.querySelector('[data-testid="cost-regional"]').innerText === a, adjusted);
      await page.waitForSelector('[data-testid="assume-badge"]');
    },
  },
  {
    name: 'with assumptions moved, the map legend comes from the dataset the plan was solved with (response 0.8, costs 2×)',
    async run({ page, origin, waitForPlan }) {
      const adjust = { response: 0.8, costs: 2 };
      const expected = legendLabels('effectiveness', adjust);
      // The dataset as loaded would give other classes (what the page showed before).
      assert.notDeepEqual(expected, legendLabels('effectiveness'));
      await page.goto(`${origin}/?lang=en&color=effectiveness&adjust=response:0.8,costs:2`);
      await waitForPlan();
      await page.waitForFunction((labels) => {
        const shown = [...document.querySelectorAll('[data-testid="map-legend"] .tnum')].map((el) => el.textContent);
        return JSON.stringify(shown) === JSON.stringify(labels);
      }, expected, { timeout: 20_000 });
    },
  },
];
