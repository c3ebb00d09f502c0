import assert from 'node:assert/strict';
import { bundled, literal, solved, yuan } from './expected.mjs';

const text = (page, testid) => page.locator(`[data-testid="${testid}"]`).innerText();
const sliderValue = (page) => page.locator('#target-slider').inputValue();

/** Bounding boxes of the page's main regions must not overlap, and nothing scrolls sideways. */
async function assertNoOverlap(page) {
  const boxes = await page.evaluate(() =>
    ['.side', 'section.map', '.charts', '.table'].map((sel) => {
      const r = document.querySelector(sel).getBoundingClientRect();
      return { sel, left: r.left, right: r.right, top: r.top + scrollY, bottom: r.bottom + scrollY };
    }),
  );
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const overlap = a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
      assert.ok(!overlap, `${a.sel} overlaps ${b.sel}: ${JSON.stringify([a, b])}`);
    }
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(sideways <= 0, `page scrolls sideways by ${sideways}px`);
}

export const tests = [
  {
    name: 'loads, renders the map with WebGL, and solves the default view',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en`);
      await waitForPlan();
      await page.waitForSelector('.maplibregl-canvas');
      await page.waitForFunction(() => document.querySelectorAll('button.label').length === 13, null, { timeout: 20_000 });
      const webgl = await page.evaluate(() => !!document.querySelector('.maplibregl-canvas').getContext('webgl2'));
      assert.ok(webgl, 'map canvas has a WebGL2 context');
      // The default dataset's figures, computed by the same model in Node.
      const regional = solved('regional', 196.7);
      const local = solved('local', 196.7);
      assert.match(await text(page, 'cost-regional'), new RegExp(literal(yuan(regional.totalCost))));
      // Whichever way the bundled data falls, the local card says its cost or why it cannot reach.
      const localCard = local.feasible ? literal(yuan(local.totalCost)) : `Cannot reach\\s+≥ ${literal(local.infeasibility[0].bestReachable.toFixed(1))}`;
      assert.match(await text(page, 'cost-local'), new RegExp(localCard));
      assert.match(await text(page, 'summary'), new RegExp(`^Regional control meets 196\\.7\u00a0μg/m³ in Beijing for ${literal(yuan(regional.totalCost))} a year`));
    },
  },
  {
    name: 'the calibrated dataset, one choice away, shows the published figures',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en`);
      await waitForPlan();
      await page.getByLabel('Dataset').selectOption('bth-ozone-calibrated');
      // The cards share one unit (bn yuan here), so 0.572 reads beside 2.05.
      await page.waitForFunction(() => document.querySelector('[data-testid="cost-regional"]')?.textContent.includes('0.572 bn yuan'));
      assert.match(await text(page, 'cost-local'), /2\.05 bn yuan/);
      assert.match(await text(page, 'summary'), /^Regional control meets 196\.7\u00a0μg\/m³ in Beijing for 572 m yuan a year, 72% less than acting alone\./);
      await page.waitForURL(/data=bth-ozone-calibrated/);
      // Its physical inconsistency is said, not hidden.
      assert.match(await page.locator('.notices').innerText(), /fails the physical consistency check/);
    },
  },
  {
    name: 'keying the slider re-solves: costs, summary and URL follow',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en`);
      await waitForPlan();
      const before = await text(page, 'cost-regional');
      const slider = page.locator('#target-slider');
      await slider.focus();
      for (let i = 0; i < 67; i++) await page.keyboard.press('ArrowLeft');
      assert.equal(await sliderValue(page), '190');
      await page.waitForFunction(() => document.querySelector('[data-testid="summary"]').textContent.includes('190.0'));
      assert.notEqual(await text(page, 'cost-regional'), before);
      assert.equal(await slider.getAttribute('aria-valuetext'), '190.0\u00a0μg/m³');
      await page.waitForURL(/target=190\.0/);
      // The screen-reader sentence follows once the user stops.
      await page.waitForFunction(() => document.querySelector('[data-testid="summary-live"]').textContent.includes('190.0'));
    },
  },
  {
    name: 'dragging the slider with the mouse changes the target and the numbers',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en`);
      await waitForPlan();
      const box = await page.locator('#target-slider').boundingBox();
      const y = box.y + box.height / 2;
      await page.mouse.move(box.x + box.width * 0.58, y);
      await page.mouse.down();
      for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + box.width * (0.58 - i * 0.02), y);
      await page.mouse.up();
      const value = Number(await sliderValue(page));
      assert.ok(value < 175 && value > 160, `slider at ${value}`);
      await page.waitForFunction((v) => document.querySelector('[data-testid="summary"]').textContent.includes(v.toFixed(1)), value);
      assert.match(await text(page, 'cost-local'), /Cannot reach/);
    },
  },
  {
    name: 'the scenario switch and the receptor choice change the result',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en`);
      await waitForPlan();
      await page.getByLabel('Local control').check();
      await page.waitForFunction(() => document.querySelector('[data-testid="summary"]').textContent.startsWith('Local control'));
      assert.equal(await page.locator('[data-testid="cost-regional"]').count(), 0);
      await page.waitForURL(/scenario=local/);
      await page.getByLabel('Compare both').check();
      const beijingOnly = await text(page, 'cost-regional');
      await page.getByRole('button', { name: 'All 13' }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid="summary"]').textContent.includes('all 13 places'));
      assert.notEqual(await text(page, 'cost-regional'), beijingOnly);
      await page.waitForURL(/receptors=all/);
    },
  },
  {
    name: 'an infeasible target says what can be reached and by whom',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en&target=170&scenario=local&data=bth-ozone-calibrated`);
      await waitForPlan();
      assert.match(await text(page, 'cost-local'), /Cannot reach\s+≥ 181\.\d\u00a0μg\/m³/);
      assert.match(await text(page, 'summary'), /Local control cannot reach 170\.0\u00a0μg\/m³ in Beijing: Beijing's own sources bring it down to 181\.\d\u00a0μg\/m³ at best/);
    },
  },
  {
    name: 'jurisdictions can be selected on the map by keyboard',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en&data=bth-ozone-calibrated`);
      await waitForPlan();
      const tianjin = page.getByRole('button', { name: /^Tianjin: Tonnes cut/ });
      await tianjin.focus();
      await page.keyboard.press('Enter');
      assert.equal(await tianjin.getAttribute('aria-pressed'), 'true');
      await page.waitForURL(/selected=tianjin/);
      // The selection is shared: Tianjin's steps are outlined in the merit order, its row marked in the table.
      assert.ok((await page.locator('[data-testid="merit-order"] rect.selected').count()) > 0);
      assert.match(await page.locator('[data-testid="cuts-table"] tr.selected').innerText(), /^Tianjin/);
      assert.match(await text(page, 'map-tip'), /Tianjin\s+Spending: 134\.3 m yuan/);
    },
  },
  {
    name: 'map labels at phone width (390 px) do not overlap and keep the places the story is about',
    viewport: { width: 390, height: 844 },
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en&receptors=beijing,tianjin&selected=langfang`);
      await waitForPlan();
      await page.locator('section.map').scrollIntoViewIfNeeded();
      await page.waitForFunction(() => document.querySelectorAll('button.label').length === 13 && !document.querySelector('button.label.pending'), null, { timeout: 20_000 });
      await page.waitForTimeout(300); // let the map settle (fit to the basin after the layout)
      const labels = await page.evaluate(() => [...document.querySelectorAll('button.label')].map((el) => {
        const r = el.getBoundingClientRect();
        return { id: el.dataset.place, shown: getComputedStyle(el).opacity !== '0', left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }));
      const shown = labels.filter((l) => l.shown);
      for (let i = 0; i < shown.length; i++)
        for (let j = i + 1; j < shown.length; j++) {
          const [a, b] = [shown[i], shown[j]];
          const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          assert.ok(!overlap, `labels ${a.id} and ${b.id} overlap: ${JSON.stringify([a, b])}`);
        }
      // The constrained places and the selected one come first.
      for (const id of ['beijing', 'tianjin', 'langfang']) assert.ok(shown.some((l) => l.id === id), `${id} is not labelled: ${shown.map((l) => l.id).join(', ')}`);
      // A hidden label is still a Tab stop, and shows while it has the focus.
      const hidden = labels.filter((l) => !l.shown);
      if (hidden.length > 0) {
        assert.match(await page.locator('[data-testid="map-legend"]').innerText(), new RegExp(`${hidden.length} place names hidden`));
        const button = page.locator(`button.label[data-place="${hidden[0].id}"]`);
        await button.focus();
        assert.notEqual(await button.evaluate((el) => getComputedStyle(el).opacity), '0');
      }
    },
  },
  {
    name: 'the map says what it shows: metric, plan, target, and when the plan cannot reach it',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en`);
      await waitForPlan();
      // Compare both: the map shows the regional plan, and says so.
      await page.waitForFunction(() => document.querySelector('[data-testid="map-title"]')?.textContent.includes('196.7'));
      assert.match(await text(page, 'map-title'), /^Tonnes cut: the regional joint control plan \(of the two compared\), 196\.7\u00a0μg\/m³ in Beijing$/);
      await page.goto(`${origin}/?lang=en&target=170&scenario=local&data=bth-ozone-calibrated&theme=dark`);
      await waitForPlan();
      await page.waitForSelector('[data-testid="map-note"]');
      assert.match(await text(page, 'map-title'), /^Tonnes cut: local control, 170\.0\u00a0μg\/m³ in Beijing$/);
      assert.equal(await text(page, 'map-note'), 'The local control plan cannot reach this target, so no cuts are mapped.');
      // No cut anywhere: the legend says so rather than listing classes of 0 kt – 0 kt.
      assert.match(await text(page, 'map-legend'), /No cuts at this target/);
      assert.doesNotMatch(await text(page, 'map-legend'), /–/);
      // The basemap follows the dark theme.
      assert.equal(await page.locator('.map[data-basemap]').getAttribute('data-basemap'), 'dark');
    },
  },
  {
    name: 'Chinese: strings and numbers in Chinese conventions',
    locale: 'zh-CN',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?data=bth-ozone-calibrated`);
      await waitForPlan();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
      assert.match(await text(page, 'cost-regional'), /5\.72 亿元/);
      assert.match(await text(page, 'summary'), /^区域联合控制每年花费5\.72 亿元即可使北京达到196\.7 μg\/m³/);
      await page.getByRole('button', { name: 'English' }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid="summary"]').textContent.startsWith('Regional control'));
    },
  },
  {
    name: 'hostile URL parameters are ignored with a visible notice, never executed',
    async run({ page, origin, waitForPlan }) {
      let dialog = false;
      page.on('dialog', async (d) => { dialog = true; await d.dismiss(); });
      await page.goto(`${origin}/?lang=en&target=%3Cscript%3Ealert(1)%3C/script%3E&receptors=paris,beijing&scenario=%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E&color=${'x'.repeat(5000)}&data=bth-ozone-calibrated`);
      await waitForPlan();
      const notices = await page.locator('.notices').innerText();
      assert.match(notices, /Ignored the link parameter “target”/);
      assert.match(notices, /Ignored unknown places in “receptors”: paris/);
      assert.match(notices, /“scenario”/);
      assert.match(notices, /“color”/);
      assert.equal(await page.locator('img[src="x"]').count(), 0);
      assert.equal(dialog, false);
      assert.match(await text(page, 'cost-regional'), /0\.572 bn yuan/);
    },
  },
  {
    name: 'an out-of-range target is clamped with a notice',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en&target=20`);
      await waitForPlan();
      // Clamped to the dataset's own lower end.
      assert.equal(await sliderValue(page), String(bundled.standards.range.min));
      assert.match(await page.locator('.notices').innerText(), /link \(target: 20\) was outside its range/);
    },
  },
  {
    name: 'long strings (a pseudo-translation three times longer) keep the layout intact',
    viewport: { width: 390, height: 844 },
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en`);
      await waitForPlan();
      // Lengthen every visible text node as a wordier translation would, including unbroken words.
      await page.evaluate(() => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const nodes = [];
        while (walker.nextNode()) if (walker.currentNode.textContent.trim()) nodes.push(walker.currentNode);
        for (const node of nodes) node.textContent = `${node.textContent} Überlängenbezeichnungsbeispiel ${node.textContent}`;
      });
      await assertNoOverlap(page);
      await page.setViewportSize({ width: 1920, height: 1080 });
      await assertNoOverlap(page);
    },
  },
  {
    name: 'phone width (390 px) lays out without overlap',
    viewport: { width: 390, height: 844 },
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=zh`);
      await waitForPlan();
      await assertNoOverlap(page);
    },
  },
  {
    name: 'projector width (1920 x 1080) lays out without overlap',
    viewport: { width: 1920, height: 1080 },
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en`);
      await waitForPlan();
      await assertNoOverlap(page);
    },
  },
];
