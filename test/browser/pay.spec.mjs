import assert from 'node:assert/strict';

const payTotal = (page) => page.locator('[data-testid="pay-total"]');

export const tests = [
  {
    name: 'who pays: a rule gives responsibilities, payments that net to zero, flows on the map',
    viewport: { width: 1600, height: 1000 },
    async run({ page, origin }) {
      await page.goto(`${origin}/?view=pay&lang=en&data=bth-ozone-calibrated`);
      await payTotal(page).waitFor({ timeout: 20_000 });
      assert.match(await payTotal(page).innerText(), /The least-cost plan costs 572 m yuan a year/);
      const rows = page.locator('[data-testid="pay-table"] tbody tr');
      assert.equal(await rows.count(), 3);
      // Payments net to zero (exactly in the unit tests; here to display rounding of 0.1 bn).
      const payments = await rows.evaluateAll((trs) => trs.map((tr) => {
        const text = tr.querySelectorAll('td')[2].textContent.replace('−', '-');
        const value = parseFloat(text.replace(/[^\d.+-]/g, ''));
        return /bn/.test(text) ? value * 1000 : value;
      }));
      assert.ok(Math.abs(payments.reduce((a, b) => a + b, 0)) < 5, `payments ${payments}`);
      assert.match(await page.locator('[data-testid="pay-flows"]').innerText(), /Beijing pays Hebei/);
      await page.waitForSelector('[data-testid="map-flows"] path.flow');
      // Another rule: Hebei is flagged worse off than acting alone.
      const before = await payTotal(page).innerText();
      await page.getByLabel(/Ability to pay/).check();
      await page.waitForFunction((b) => document.querySelector('[data-testid="pay-total"]').textContent !== b, before);
      assert.match(await page.locator('[data-testid="pay-table"]').innerText(), /Hebei[^\n]*worse off by/);
      await page.waitForURL(/rule=gdp/);
    },
  },
  {
    name: 'who pays with 13 cities: the 8,191-coalition game completes in the worker',
    async run({ page, origin }) {
      await page.goto(`${origin}/?view=pay&lang=zh&players=cities&data=bth-ozone-calibrated`);
      await payTotal(page).waitFor({ timeout: 30_000 });
      assert.equal(await page.locator('[data-testid="pay-table"] tbody tr').count(), 13);
      assert.match(await payTotal(page).innerText(), /5\.72 亿元/);
    },
  },
];
