import assert from 'node:assert/strict';

const payTotal = (page) => page.locator('[data-testid="pay-total"]');

export const tests = [
  {
    name: 'who pays on a phone: the result leads, above the rule list, and nothing scrolls sideways',
    viewport: { width: 390, height: 844 },
    async run({ page, origin }) {
      await page.goto(`${origin}/?view=pay&lang=zh`);
      await payTotal(page).waitFor({ timeout: 20_000 });
      const tops = await page.evaluate(() => ({
        total: document.querySelector('[data-testid="pay-total"]').getBoundingClientRect().top,
        rules: document.querySelector('input[name="rule"]').getBoundingClientRect().top,
      }));
      assert.ok(tops.total < 844 && tops.total < tops.rules, `the result at ${tops.total}px, the rule list at ${tops.rules}px`);
      await page.locator('[data-testid="fund-table"]').waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), 0, 'the page scrolls sideways');
    },
  },
  {
    name: 'who pays: a rule gives responsibilities, payments that net to zero, flows on the map',
    viewport: { width: 1600, height: 1000 },
    async run({ page, origin }) {
      await page.goto(`${origin}/?view=pay&lang=en&data=bth-ozone-calibrated`);
      await payTotal(page).waitFor({ timeout: 20_000 });
      assert.match(await payTotal(page).innerText(), /The least-cost plan costs 781\.6 m yuan a year/);
      const rows = page.locator('[data-testid="pay-table"] tbody tr');
      assert.equal(await rows.count(), 3);
      // Payments net to zero (exactly in the unit tests; here to display rounding of 0.1 bn).
      const payments = await rows.evaluateAll((trs) => trs.map((tr) => {
        const text = tr.querySelectorAll('td')[1].textContent.replace('−', '-');
        const value = parseFloat(text.replace(/[^\d.+-]/g, ''));
        return /bn/.test(text) ? value * 1000 : value;
      }));
      assert.ok(Math.abs(payments.reduce((a, b) => a + b, 0)) < 5, `payments ${payments}`);
      assert.match(await page.locator('[data-testid="pay-flows"]').innerText(), /Beijing pays Hebei/);
      await page.waitForSelector('[data-testid="map-flows"] path.flow');
      // Another rule: Tianjin is flagged worse off than acting alone.
      const before = await payTotal(page).innerText();
      await page.getByLabel(/Ability to pay/).check();
      await page.waitForFunction((b) => document.querySelector('[data-testid="pay-total"]').textContent !== b, before);
      assert.match(await page.locator('[data-testid="pay-table"]').innerText(), /Tianjin[^\n]*worse off by/);
      await page.waitForURL(/rule=gdp/);
    },
  },
  {
    name: 'who pays: the nucleolus is the default, in the core, and the surprising figures are explained',
    viewport: { width: 1600, height: 1000 },
    async run({ page, origin }) {
      await page.goto(`${origin}/?view=pay&lang=en&data=bth-ozone-calibrated`);
      await payTotal(page).waitFor({ timeout: 20_000 });
      assert.equal(await page.locator('input[name="rule"][value="nucleolus"]').isChecked(), true);
      assert.doesNotMatch(page.url(), /rule=/);
      assert.match(await page.locator('[data-testid="pay-default-rule"]').innerText(), /The default, the nucleolus, lies in the core whenever one exists/);
      assert.match(await page.locator('[data-testid="pay-core"]').innerText(), /This split is in the core/);
      assert.match(await page.locator('[data-testid="pay-saving"]').innerText(), /Acting alone, the parties would spend 2\.82 bn yuan a year in all; acting together they spend 781\.6 m yuan, a saving of 2\.04 bn yuan/);
      // Every place has a target and every group can reach its own: the page says whose targets are in the game.
      assert.match(await page.locator('[data-testid="pay-game"]').innerText(), /^Every place has a target here \(13 receptors, each held to the target set with the slider\), and every group of parties can meet its own targets/);
      assert.equal(await page.locator('[data-testid="pay-why"]').count(), 0);
      // A rule outside the core: the page says so, names the blocking group and never claims the opposite.
      const before = await payTotal(page).innerText();
      await page.getByLabel(/Ability to pay/).check();
      await page.waitForFunction((b) => document.querySelector('[data-testid="pay-total"]').textContent !== b, before);
      const core = await page.locator('[data-testid="pay-core"]').innerText();
      assert.match(core, /outside the core/);
      assert.doesNotMatch(await page.locator('.results').innerText(), /This split is in the core/);
      assert.match(await page.locator('.results').innerText(), /A blocking group is charged more than it would pay on its own/);
      assert.match(await page.locator('.results').innerText(), /The nucleolus split is inside the core/);
    },
  },
  {
    name: 'who pays on the default dataset: every place has a target, the nucleolus is in the core and the payments stay below the plan cost',
    async run({ page, origin }) {
      await page.goto(`${origin}/?view=pay&lang=en`);
      await payTotal(page).waitFor({ timeout: 20_000 });
      assert.match(await page.locator('[data-testid="pay-core"]').innerText(), /This split is in the core/);
      assert.match(await page.locator('[data-testid="pay-game"]').innerText(), /^Every place has a target here \(13 receptors/);
      assert.match(await page.locator('[data-testid="pay-observed"]').innerText(), /^For scale, what was actually paid for air-pollution control in 2015: Beijing to Langfang and Baoding 460 m yuan.*860 m yuan in all/);
      assert.match(await page.locator('[data-testid="pay-free-none"]').innerText(), /no party would cut anything for its own health alone/);
      assert.match(await payTotal(page).innerText(), /The least-cost plan costs 3\.98 bn yuan a year\. Under this rule, payments of 532\.6 m yuan/);
      await page.goto(`${origin}/?view=pay&lang=zh`);
      await payTotal(page).waitFor({ timeout: 20_000 });
      assert.match(await page.locator('[data-testid="pay-default-rule"]').innerText(), /默认规则核仁只要核心存在就位于核心内/);
      assert.match(await page.locator('[data-testid="pay-core"]').innerText(), /位于核心内/);
    },
  },
  {
    name: 'who pays with 13 cities: at most 8 arrows on the map, the rest summed in the list',
    viewport: { width: 1600, height: 1000 },
    async run({ page, origin }) {
      // Under Shapley four cities pay nine others: 36 payments.
      await page.goto(`${origin}/?view=pay&lang=en&players=cities&rule=shapley&data=bth-ozone-calibrated`);
      await payTotal(page).waitFor({ timeout: 30_000 });
      await page.waitForSelector('[data-testid="map-flows"] path.flow');
      assert.equal(await page.locator('[data-testid="map-flows"] path.flow').count(), 8);
      assert.equal(await page.locator('[data-testid="pay-flows"] li').count(), 9);
      assert.match(await page.locator('[data-testid="pay-flows-others"]').innerText(), /^and 28 smaller payments, [\d.]+ m yuan a year in all/);
      assert.equal(await page.locator('[data-testid="pay-table"] tbody tr').count(), 13);
    },
  },
  {
    name: 'who pays with 13 cities: the 8,191-coalition game completes in the worker',
    async run({ page, origin }) {
      await page.goto(`${origin}/?view=pay&lang=zh&players=cities&data=bth-ozone-calibrated`);
      await payTotal(page).waitFor({ timeout: 30_000 });
      assert.equal(await page.locator('[data-testid="pay-table"] tbody tr').count(), 13);
      assert.match(await payTotal(page).innerText(), /7\.82 亿元/);
    },
  },
];
