// The charts: keys drawn from data, the cost curve's readout (pointer and keyboard, announced),
// the merit order's linear axis with its unit, units in both languages and in ppb, no clipped
// labels at phone and wide widths, and the dark theme's grid, hatching and swatches.
import assert from 'node:assert/strict';
import { bundled, literal } from './expected.mjs';

const curve = (page) => page.locator('figure[data-testid="cost-curve"]');
const merit = (page) => page.locator('figure[data-testid="merit-order"]');
const curveReady = (page) => page.waitForSelector('figure[data-testid="cost-curve"] svg[data-chart]', { timeout: 30_000 });
const live = (page) => curve(page).locator('[data-testid="curve-readout"] [aria-live="polite"]');

/** Texts of a chart's SVG that reach past its edges (clipped on screen). */
function clippedLabels(page, testid) {
  return page.evaluate((id) => {
    const svg = document.querySelector(`figure[data-testid="${id}"] svg[data-chart]`);
    const frame = svg.getBoundingClientRect();
    return [...svg.querySelectorAll('text')]
      .filter((t) => t.textContent.trim())
      .filter((t) => {
        const b = t.getBoundingClientRect();
        return b.left < frame.left - 0.5 || b.top < frame.top - 0.5 || b.right > frame.right + 0.5 || b.bottom > frame.bottom + 0.5;
      })
      .map((t) => t.textContent);
  }, testid);
}

export const tests = [
  {
    name: 'charts: the cost curve reads out a target from the keyboard, announced in a live region',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en`);
      await waitForPlan();
      await curveReady(page);
      const overlay = curve(page).getByRole('slider', { name: /Read the costs along the cost curve/ });
      assert.equal(await live(page).innerText(), '');
      await overlay.focus();
      await page.waitForFunction(() => document.querySelector('[data-testid="curve-readout"] [aria-live]')?.textContent.startsWith('At 19'));
      // Left: one step (0.5 μg/m³) down; End: the highest target of the sweep.
      const { min, max } = bundled.standards.range;
      await page.keyboard.press('ArrowLeft');
      assert.match(await live(page).innerText(), /^At 19\d\.\d\s?μg\/m³: local control (cannot reach it|[\d.]+ bn yuan), regional joint control [\d.]+ bn yuan, saving .+\.$/);
      // End: the top of the dataset's range, above every baseline, where nothing need be done.
      await page.keyboard.press('End');
      assert.equal(await live(page).innerText(), `At ${max.toFixed(1)}\u00a0μg/m³: local control 0 yuan, regional joint control 0 yuan, saving 0 yuan.`);
      await page.keyboard.press('ArrowLeft');
      assert.match(await live(page).innerText(), new RegExp(`^At ${literal((max - 0.5).toFixed(1))}\\s?μg/m³`));
      assert.equal(await overlay.getAttribute('aria-valuetext'), `${(max - 0.5).toFixed(1)}\u00a0μg/m³`);
      await page.keyboard.press('PageDown');
      assert.match(await live(page).innerText(), new RegExp(`^At ${literal((max - 5.5).toFixed(1))}\\s?μg/m³`));
      // Home: the bottom of the range, below what Beijing alone can reach.
      await page.keyboard.press('Home');
      assert.match(await live(page).innerText(), new RegExp(`^At ${literal(min.toFixed(1))}\\s?μg/m³: local control cannot reach it, regional joint control`));
      assert.equal(await curve(page).locator('[data-testid="curve-readout-mark"]').count(), 1, 'the readout is drawn on the chart');
      await page.keyboard.press('Tab');
      assert.equal(await live(page).innerText(), '', 'cleared when the focus leaves');
      assert.equal(await curve(page).locator('[data-testid="curve-readout-mark"]').count(), 0);
    },
  },
  {
    name: 'charts: the cost curve reads out the target under the pointer',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=zh`);
      await waitForPlan();
      await curveReady(page);
      const overlay = curve(page).locator('[data-testid="curve-overlay"]');
      // At the top of the window, clear of anything pinned to its bottom corner. The panels above
      // may still grow (the Monte Carlo finishing) and slide the chart from under a still pointer,
      // so point again until the readout answers.
      let box;
      for (let attempt = 0; attempt < 20; attempt++) {
        await overlay.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        box = await overlay.boundingBox();
        await page.mouse.move(box.x + box.width * 0.75 + attempt, box.y + 12);
        const answered = await page.waitForFunction(() => document.querySelector('[data-testid="curve-readout"] [aria-live]')?.textContent !== '', null, { timeout: 1_500 }).then(() => true, () => false);
        if (answered) break;
      }
      // Costs in 亿元 in Chinese.
      assert.match(await live(page).innerText(), /^目标 \d{3}\.\d\sμg\/m³：属地控制 [\d.]+ (亿元|万元|元)，区域联合控制 [\d.]+ (亿元|万元|元)，节省 .+。$/);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height + 200);
      await page.waitForFunction(() => document.querySelector('[data-testid="curve-readout"] [aria-live]')?.textContent === '');
    },
  },
  {
    name: 'charts: the merit order has a linear cost axis from zero with its unit, and a key that matches its bars',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en&data=bth-ozone-calibrated`);
      await waitForPlan();
      await curveReady(page);
      const axis = await merit(page).evaluate((figure) => {
        const svg = figure.querySelector('svg[data-chart]');
        const ticks = [...svg.querySelectorAll('g[transform^="translate(0,"]')].map((g) => ({
          value: Number(g.querySelector('text').textContent),
          y: Number(g.getAttribute('transform').match(/translate\(0,([\d.]+)\)/)[1]),
        }));
        return { ticks, titles: [...svg.querySelectorAll('text.axis')].map((t) => t.textContent) };
      });
      assert.equal(axis.ticks[0].value, 0, 'the axis starts at zero');
      // Linear: equal steps in value are equal steps on screen.
      const steps = axis.ticks.slice(1).map((t, i) => [t.value - axis.ticks[i].value, axis.ticks[i].y - t.y]);
      for (const [dv, dy] of steps) assert.ok(Math.abs(dy / dv - steps[0][1] / steps[0][0]) < 0.01, `ticks ${JSON.stringify(axis.ticks)}`);
      assert.ok(axis.titles.includes('Cost per μg/m³ removed, m yuan a year'), axis.titles.join(' | '));
      const key = await merit(page).locator('[data-testid="chart-key"] li').allInnerTexts();
      assert.deepEqual(key.map((k) => k.trim()), ['Beijing', 'Tianjin', 'Hebei', 'used by the plan', 'not used', 'Ozone cut this target needs']);
      // The bars' colours are the province swatches' colours.
      const colours = await merit(page).evaluate((figure) => ({
        bars: [...new Set([...figure.querySelectorAll('svg[data-chart] rect[fill]')].map((r) => r.getAttribute('fill').toLowerCase()))],
        key: [...figure.querySelectorAll('[data-key^="province-"] rect')].map((r) => getComputedStyle(r).fill),
      }));
      const hex = (rgb) => `#${rgb.match(/\d+/g).slice(0, 3).map((v) => Number(v).toString(16).padStart(2, '0')).join('')}`;
      for (const bar of colours.bars) assert.ok(colours.key.map(hex).includes(bar), `bar colour ${bar} is in the key (${colours.key.map(hex).join(' ')})`);
      // Local control: only the place's own province is in the key.
      await page.goto(`${origin}/?lang=en&data=bth-ozone-calibrated&scenario=local`);
      await waitForPlan();
      assert.deepEqual((await merit(page).locator('[data-testid="chart-key"] li').allInnerTexts()).slice(0, 2).map((k) => k.trim()), ['Beijing', 'used by the plan']);
    },
  },
  {
    name: 'charts: in ppb the cost curve\'s axis is in whole ppb and its marks move with it',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en&unit=ppb`);
      await waitForPlan();
      await curveReady(page);
      const read = await curve(page).evaluate((figure) => {
        const svg = figure.querySelector('svg[data-chart]');
        const bottom = svg.height.baseVal.value - 40 + 16;
        const ticks = [...svg.querySelectorAll('text')].filter((t) => Number(t.getAttribute('y')) === bottom).map((t) => ({ text: t.textContent, x: Number(t.getAttribute('x')) }));
        const marks = [...svg.querySelectorAll('line.mark')].map((l) => Number(l.getAttribute('x1')));
        const current = Number(svg.querySelector('line.current').getAttribute('x1'));
        return { ticks, marks, current, axis: [...svg.querySelectorAll('text.axis')].map((t) => t.textContent) };
      });
      assert.ok(read.axis.includes('Ozone target (ppb)'), read.axis.join(' | '));
      assert.ok(read.ticks.length >= 4 && read.ticks.every((t) => /^\d+$/.test(t.text) && Number(t.text) % 5 === 0), JSON.stringify(read.ticks));
      // Place the marks on the ppb scale the ticks define, with the dataset's own factor (1.9619 at 25 °C).
      const ppb = (ug) => ug / bundled.units.ugPerPpb;
      const [a, b] = [read.ticks[0], read.ticks.at(-1)];
      const at = (value) => a.x + ((value - Number(a.text)) / (Number(b.text) - Number(a.text))) * (b.x - a.x);
      assert.ok(read.marks.some((x) => Math.abs(x - at(ppb(200))) < 1), `marks ${read.marks} vs ${at(ppb(200))}`);
      assert.ok(Math.abs(read.current - at(ppb(196.7))) < 1, `target line ${read.current} vs ${at(ppb(196.7))}`);
      const key = await curve(page).locator('[data-key="marks"]').innerText();
      assert.match(key, new RegExp(`${literal(ppb(200).toFixed(1))}\\s?ppb`));
      assert.match(key, new RegExp(`${literal(ppb(196.7).toFixed(1))}\\s?ppb`));
    },
  },
  {
    name: 'charts: no clipped labels at 390 px',
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    async run({ page, origin, waitForPlan }) {
      for (const lang of ['zh', 'en']) {
        await page.goto(`${origin}/?lang=${lang}`);
        await waitForPlan();
        await curveReady(page);
        for (const id of ['cost-curve', 'merit-order']) assert.deepEqual(await clippedLabels(page, id), [], `${id} (${lang})`);
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        assert.ok(sideways <= 0, `page scrolls sideways by ${sideways}px`);
      }
    },
  },
  {
    name: 'charts: no clipped labels at 1920 px',
    viewport: { width: 1920, height: 1080 },
    async run({ page, origin, waitForPlan }) {
      for (const lang of ['en', 'zh']) {
        await page.goto(`${origin}/?lang=${lang}&unit=ppb`);
        await waitForPlan();
        await curveReady(page);
        for (const id of ['cost-curve', 'merit-order']) assert.deepEqual(await clippedLabels(page, id), [], `${id} (${lang})`);
      }
      // The source line is under the map and under the charts, not cut off.
      for (const where of ['section.map', '.charts']) {
        const visible = await page.locator(`${where} [data-testid="source-line"]`).evaluate((el) => {
          const box = el.getBoundingClientRect();
          const parent = el.parentElement.getBoundingClientRect();
          return box.height > 10 && box.bottom <= parent.bottom + 0.5;
        });
        assert.ok(visible, `source line in ${where}`);
      }
    },
  },
  {
    name: 'charts: in the dark theme the grid, the hatching and the key swatches follow the theme',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en&theme=dark`);
      await waitForPlan();
      await curveReady(page);
      const read = await curve(page).evaluate((figure) => {
        const css = (name) => {
          const probe = document.body.appendChild(document.createElement('i'));
          probe.style.color = `var(${name})`;
          const value = getComputedStyle(probe).color;
          probe.remove();
          return value;
        };
        return {
          vars: { grid: css('--grid'), warn: css('--warn-bg'), regional: css('--regional') },
          grid: getComputedStyle(figure.querySelector('svg[data-chart] line.grid')).stroke,
          hatch: getComputedStyle(figure.querySelector('pattern rect')).fill,
          swatch: getComputedStyle(figure.querySelector('[data-key="regional"] line')).stroke,
        };
      });
      assert.equal(read.vars.regional, 'rgb(111, 177, 242)', 'the dark palette is in force');
      assert.equal(read.grid, read.vars.grid);
      assert.equal(read.hatch, read.vars.warn);
      assert.equal(read.swatch, read.vars.regional);
    },
  },
];
