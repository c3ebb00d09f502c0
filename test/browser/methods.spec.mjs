// The methods page: reproducing the study (published figures beside the model's own, solved in the
// worker), the physical consistency check and the uncertain inputs, for both bundled datasets.
import assert from 'node:assert/strict';
import { bundled, calibrated, literal } from './expected.mjs';


const PUBLISHED = { local: 2.046e9, regional: 0.572e9 };

/** Opens the methods page and waits until the model's column is solved. */
async function openMethods(page, origin, query) {
  await page.goto(`${origin}/?view=methods&${query}`);
  await page.locator('[data-testid="repro-table"]').waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('[data-testid="repro-model"]')];
    return cells.length === 3 && cells.every((c) => !/solving|求解中/.test(c.textContent));
  }, null, { timeout: 20_000 });
}

/** The reproducing-the-study rows: published text, model text and value, difference. */
const reproRows = (page) => page.$$eval('[data-testid="repro-table"] tbody tr', (rows) => Object.fromEntries(rows.map((tr) => [tr.dataset.row, {
  published: tr.querySelector('[data-testid="repro-published"]').textContent.trim(),
  model: tr.querySelector('[data-testid="repro-model"]').textContent.trim(),
  value: tr.querySelector('[data-testid="repro-model"]').dataset.value === '' ? null : Number(tr.querySelector('[data-testid="repro-model"]').dataset.value),
  difference: tr.querySelector('td:last-child').textContent.trim(),
}])));

const budgetRows = (page) => page.$$eval('[data-testid="budget-table"] tbody tr', (rows) => rows.map((tr) => ({
  receptor: tr.dataset.receptor, ratio: Number(tr.dataset.ratio), status: tr.dataset.status, text: tr.textContent,
})));

const close = (actual, expected, what) => assert.ok(Math.abs(actual / expected - 1) <= 0.01, `${what}: ${actual} is not within 1% of ${expected}`);

export const tests = [
  {
    name: 'methods: the default dataset is compared with the published study, and every ozone budget ratio lies in [0.2, 2]',
    async run({ page, origin }) {
      await openMethods(page, origin, 'lang=en');
      const header = await page.locator('[data-testid="repro-table"] thead').innerText();
      assert.match(header, new RegExp(`Published[\\s\\S]*This model \\(Beijing-Tianjin-Hebei ozone control, grounded in the literature, v${literal(bundled.meta.version)}\\)[\\s\\S]*Difference`));
      const rows = await reproRows(page);
      assert.equal(rows.local.published, '2.046 bn yuan');
      assert.equal(rows.regional.published, '0.572 bn yuan');
      assert.equal(rows.ratio.published, '3.58');
      // The model's own figures: a cost, or the best ozone it can reach instead of a number.
      for (const id of ['local', 'regional']) {
        const row = rows[id];
        if (row.value === null) assert.match(row.model, /^cannot reach 196\.7 μg\/m³: \d+\.\d μg\/m³ at best$/, `${id}: ${row.model}`);
        else assert.match(row.model, /^[\d,]+\.\d{3} bn yuan$/, `${id}: ${row.model}`);
      }
      assert.ok(rows.regional.value > 0, 'regional control reaches the published target');
      if (rows.local.value === null) {
        assert.equal(rows.ratio.value, null);
        assert.match(rows.ratio.model, /none: a scenario cannot reach the target/);
      }
      const reasons = await page.locator('[data-testid="repro-reasons"]').innerText();
      assert.match(reasons, /not its inputs/);
      // The response is read from the dataset's evidence cases, named in the sentence.
      for (const evidence of bundled.evidence.filter((e) => e.role === 'response')) assert.ok(reasons.includes(evidence.name.en), `${evidence.name.en} in: ${reasons}`);
      const beijing = bundled.receptors.find((r) => r.id === 'beijing');
      assert.match(reasons, new RegExp(`baseline is ${literal(beijing.baseline.toFixed(1))} μg/m³ and its background ${literal(beijing.background.toFixed(1))} μg/m³`));
      assert.match(reasons, /Beijing's own control steps can remove at most \d+% of its NOx and \d+% of its VOC[\s\S]*\d+ times the sector cost \(range \d+ to \d+\)/);
      assert.match(reasons, /published unit costs, some measured outside the basin[\s\S]*0\.5 to 2 times/);
      assert.match(await page.locator('[data-testid="calibration"]').innerText(), /Nothing in this dataset is fitted to the published costs/);

      const budget = await budgetRows(page);
      assert.equal(budget.length, 13);
      for (const row of budget) {
        assert.ok(row.ratio >= 0.2 && row.ratio <= 2, `${row.receptor}: ratio ${row.ratio}`);
        assert.equal(row.status, 'ok');
        assert.match(row.text, /within 0\.2–2/);
      }
      assert.match(await page.locator('[data-testid="budget-summary"]').innerText(), /All 13 places lie within 0\.2–2/);

      // Uncertain inputs: each names its reference, linked to the reference list's entry.
      const input = bundled.uncertainty.find((u) => u.id === 'response');
      const response = page.locator('[data-testid="unc-table"] tr[data-input="response"]');
      assert.match(await response.innerText(), new RegExp(`^${literal(input.name.en)}\\t${input.nominal}\\t${input.low}–${input.high}\\tuniform\\t[^\\t]+\\t${literal(input.ref)}\\tyes`));
      assert.equal(await response.locator('a').getAttribute('href'), `#ref-${input.ref}`);
      assert.equal(await page.locator(`#ref-${input.ref}`).count(), 1);
      // Every reference link is http(s).
      const hrefs = await page.$$eval('.methods dd a', (links) => links.map((a) => a.getAttribute('href')));
      assert.ok(hrefs.length > 0 && hrefs.every((h) => /^https?:\/\//.test(h)), hrefs.join(' '));
    },
  },
  {
    name: 'methods: the calibrated dataset matches the published figures by construction and fails the physical check',
    async run({ page, origin }) {
      await openMethods(page, origin, 'data=bth-ozone-calibrated&lang=en');
      assert.match(await page.locator('[data-testid="repro-table"] thead').innerText(), new RegExp(`calibrated to the published headline, v${literal(calibrated.meta.version)}`));
      const rows = await reproRows(page);
      close(rows.local.value, PUBLISHED.local, 'local');
      close(rows.regional.value, PUBLISHED.regional, 'regional');
      close(rows.ratio.value, PUBLISHED.local / PUBLISHED.regional, 'ratio');
      assert.equal(rows.local.model, '2.046 bn yuan');
      assert.equal(rows.regional.model, '0.572 bn yuan');
      const reasons = await page.locator('[data-testid="repro-reasons"]').innerText();
      assert.match(reasons, /fitted to these figures[\s\S]*by construction/);
      assert.match(reasons, /More than 2 times is physically impossible/);

      const beijing = (await budgetRows(page)).find((r) => r.receptor === 'beijing');
      assert.ok(beijing.ratio > 2, `Beijing's ratio ${beijing.ratio}`);
      assert.equal(beijing.status, 'high');
      assert.match(beijing.text, /above 2: impossible/);
      assert.match(await page.locator('[data-testid="budget-summary"]').innerText(), /\d+ of 13 places lie outside 0\.2–2/);
      assert.match(await page.locator('[data-testid="uncertain"]').innerText(), /gives no ranges/);
    },
  },
  {
    name: 'methods: in Chinese on a phone, the tables scroll inside their own boxes',
    viewport: { width: 390, height: 844 },
    async run({ page, origin }) {
      await openMethods(page, origin, 'lang=zh');
      const rows = await reproRows(page);
      assert.equal(rows.local.published, '20.46 亿元');
      assert.equal(rows.regional.published, '5.72 亿元');
      assert.match(await page.locator('#repro-title').innerText(), /复现原研究/);
      assert.match(await page.locator('[data-testid="budget-summary"]').innerText(), /全部 13 个地区/);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    },
  },
  {
    name: 'methods: an accessibility statement (the standard aimed at, the known gaps, how to report) in both languages, before the citation',
    async run({ page, origin }) {
      for (const [lang, words] of [['en', ['WCAG) 2.2 at level AA', 'Known gaps', 'Report a barrier']], ['zh', ['WCAG）2.2 AA 级', '已知不足', '报告障碍']]]) {
        await page.goto(`${origin}/?view=methods&lang=${lang}`);
        const statement = page.locator('[data-testid="a11y-statement"]');
        await statement.waitFor({ timeout: 20_000 });
        const text = await statement.innerText();
        for (const w of words) assert.ok(text.includes(w), `${lang}: ${w}`);
        assert.ok((await statement.locator('li').count()) >= 3, `${lang}: the known gaps are listed`);
        // Headings in order: the statement's own heading, then its two parts.
        assert.deepEqual(await statement.locator('h3, h4').evaluateAll((hs) => hs.map((h) => h.localName)), ['h3', 'h4', 'h4']);
      }
    },
  },
];
