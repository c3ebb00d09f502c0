// Story first: the answer on the first screen, the introduction, the key list, the lesson on a
// projector, empty states, the phone table, the phone share sheet and the embed dialog.
import assert from 'node:assert/strict';
import { literal, solved, yuan } from './expected.mjs';

const text = (page, testid) => page.locator(`[data-testid="${testid}"]`).innerText();
/** A returning visitor: the introduction was seen before. */
const returning = (page) => page.addInitScript(() => localStorage.setItem('airshed:intro-seen', '1'));

/** An element's box lies inside the viewport (fully, or at least `minVisible` px of its height when given). */
async function assertOnScreen(page, selector, what, { minVisible } = {}) {
  const box = await page.locator(selector).first().evaluate((el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; });
  const { width, height } = page.viewportSize();
  assert.ok(box.left >= -1 && box.right <= width + 1, `${what} is outside the viewport sideways: ${JSON.stringify(box)}`);
  if (minVisible) assert.ok(box.top >= -1 && height - box.top >= minVisible, `${what} shows less than ${minVisible}px on the first screen: ${JSON.stringify(box)}`);
  else assert.ok(box.top >= -1 && box.bottom <= height + 1, `${what} is not inside the ${width}x${height} viewport: ${JSON.stringify(box)}`);
}

const firstScreen = (width, height, lang) => ({
  name: `the answer first: headline, both costs, the hint and the map or chart on the first screen (${width}x${height}, ${lang})`,
  viewport: { width, height },
  async run({ page, origin, waitForPlan }) {
    await returning(page);
    // 190 μg/m³: past what acting alone reaches on the default dataset, so the headline says how low it gets instead of a ratio.
    await page.goto(`${origin}/?lang=${lang}&target=190`);
    await waitForPlan();
    await page.waitForSelector('[data-testid="headline"]:not([aria-busy="true"])');
    const local = solved('local', 190);
    const regional = solved('regional', 190);
    const headline = await text(page, 'headline');
    assert.equal(local.feasible, false);
    const best = literal(local.infeasibility[0].bestReachable.toFixed(1));
    if (lang === 'en') assert.match(headline, new RegExp(`^Acting together meets 190\\.0\\sμg/m³ in Beijing for ${literal((regional.totalCost / 1e9).toFixed(2))}\\sbn yuan a year; at the central estimates Beijing acting alone gets no lower than ${best}\\sμg/m³\\.$`));
    else {
      assert.match(headline, new RegExp(`^区域联合控制每年花费[\\d.]+ 亿元即可使北京达到190\\.0 μg/m³；按中心估计，北京属地控制最低只能降到${best} μg/m³。$`));
      const yi = Number(headline.match(/花费([\d.]+) 亿元/)[1]);
      assert.ok(Math.abs(yi - regional.totalCost / 1e8) <= 0.05 * Math.max(1, yi / 100), `${yi} 亿元 against ${regional.totalCost}`);
    }
    assert.doesNotMatch(headline, /×|倍/);
    for (const sel of ['[data-testid="headline"]', '[data-testid="headline-hint"]', '[data-testid="cost-regional"]', '[data-testid="cost-local"]', '#target-slider'])
      await assertOnScreen(page, sel, sel);
    await assertOnScreen(page, width < 900 ? 'section.map' : 'section.map .maplibregl-canvas', 'the map', { minVisible: 60 });
  },
});

export const tests = [
  firstScreen(1280, 800, 'en'),
  firstScreen(390, 844, 'en'),
  firstScreen(390, 844, 'zh'),
  {
    name: 'the headline gives the ratio as a ratio with the calibrated dataset, and follows the slider',
    async run({ page, origin, waitForPlan }) {
      await returning(page);
      await page.goto(`${origin}/?lang=en&data=bth-ozone-calibrated`);
      await waitForPlan();
      const calibrated = 'public/data/bth-ozone-calibrated.json';
      const regional = solved('regional', 196.7, { data: calibrated });
      const local = solved('local', 196.7, { data: calibrated });
      const ratio = (local.totalCost / regional.totalCost).toFixed(1);
      await page.waitForFunction((r) => document.querySelector('[data-testid="headline"]').textContent.includes(`${r}×`), ratio);
      assert.match(await text(page, 'headline'), new RegExp(`for 0\\.572\\sbn yuan a year; Beijing acting alone costs ${literal(ratio)}× as much \\(2\\.05\\sbn yuan\\)`));
      // One unit across the card group.
      assert.match(await text(page, 'cost-regional'), /0\.572 bn yuan/);
      assert.match(await text(page, 'cost-local'), /2\.05 bn yuan/);
      await page.locator('#target-slider').fill('190');
      await page.waitForFunction(() => document.querySelector('[data-testid="headline"]').textContent.includes('190.0'));
      // ppb converts the headline and every card.
      await page.getByLabel('ppb').check();
      await page.waitForFunction(() => document.querySelector('[data-testid="headline"]').textContent.includes('ppb'));
      assert.doesNotMatch(await text(page, 'headline'), /μg/);
      assert.match(await text(page, 'cost-marginal'), /Cost of 1 ppb more[\s\S]*per ppb/);
    },
  },
  {
    name: 'the cost cards explain "cannot reach" with the best reachable value, and the table says why it is empty',
    async run({ page, origin, waitForPlan }) {
      await returning(page);
      await page.goto(`${origin}/?lang=en&scenario=local&target=190`);
      await waitForPlan();
      const best = solved('local', 190).infeasibility[0].bestReachable.toFixed(1);
      assert.match(await text(page, 'cost-local'), new RegExp(`Cannot reach\\s+≥ ${literal(best)}\\sμg/m³\\s+the lowest Beijing's own sources reach`));
      assert.match(await text(page, 'cuts-empty'), new RegExp(`^No cuts to list\\. Local control cannot reach 190\\.0\\sμg/m³ in Beijing: .*${literal(best)}`));
      assert.equal(await page.locator('[data-testid="cuts-table"]').count(), 0, 'no empty header row');
    },
  },
  {
    name: 'a first visit gets the introduction once; it is remembered and About opens it again',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en`);
      await waitForPlan();
      const intro = page.locator('[data-testid="intro"]');
      await intro.waitFor();
      assert.match(await intro.innerText(), /Ground-level ozone[\s\S]*grade II standard caps 1-hour ozone at 200\.0\sμg\/m³[\s\S]*90th percentile of the daily maximum 1-hour ozone[\s\S]*local control[\s\S]*regional joint control/);
      // It does not hide the answer.
      await assertOnScreen(page, '[data-testid="headline"]', 'the headline under the introduction');
      await intro.getByRole('button', { name: 'Got it' }).click();
      assert.equal(await intro.count(), 0);
      await page.reload();
      await waitForPlan();
      await page.waitForTimeout(300);
      assert.equal(await intro.count(), 0, 'shown again after it was dismissed');
      await page.getByRole('button', { name: 'About' }).click();
      await intro.waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Got it');
      await page.keyboard.press('Escape');
      assert.equal(await intro.count(), 0);
    },
  },
  {
    name: "'?' opens the list of keys; Esc closes it",
    locale: 'zh-CN',
    async run({ page, origin, waitForPlan }) {
      await returning(page);
      await page.goto(`${origin}/?lang=zh`);
      await waitForPlan();
      await page.locator('body').click({ position: { x: 5, y: 300 } });
      await page.keyboard.press('?');
      const help = page.locator('dialog[open] [data-testid="help"]');
      await help.waitFor();
      const list = await help.innerText();
      for (const key of ['←', 'Page Up', 'Home', 'P', '?', 'Esc']) assert.ok(list.includes(key), `the list names ${key}`);
      assert.match(list, /暂停或继续目标扫描/);
      await page.keyboard.press('Escape');
      assert.equal(await page.locator('dialog[open]').count(), 0);
      // Typing a '?' into a text field is typing, not a shortcut.
      await page.getByRole('button', { name: '嵌入' }).click();
      await page.locator('dialog[open] [data-testid="embed-snippet"]').focus();
      await page.keyboard.press('?');
      assert.equal(await page.locator('dialog[open] [data-testid="help"]').count(), 0);
    },
  },
  ...[[1920, 1080], [1280, 720]].map(([width, height]) => ({
    name: `lecture: every slide's numbers and charts are on screen without scrolling (projector ${width}x${height})`,
    viewport: { width, height },
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?slide=2&theme=projector&lang=en`);
      await waitForPlan();
      await page.locator('[data-testid="cost-curve"] svg[role="img"]').waitFor();
      await page.waitForFunction(() => document.querySelectorAll('button.label').length === 13, null, { timeout: 20_000 });
      for (const slide of [2, 3, 4, 7]) {
        if (slide > 2) await page.evaluate((n) => history.replaceState(null, '', `?slide=${n}&theme=projector&lang=en`), slide);
        if (slide > 2) { await page.reload(); await waitForPlan(); await page.locator('[data-testid="cost-curve"] svg[role="img"]').waitFor(); }
        // What each slide talks about: slide 2 the local card (local control only), the others both cards.
        const cards = slide === 2 ? ['[data-testid="cost-local"]'] : ['[data-testid="cost-regional"]', '[data-testid="cost-local"]', '[data-testid="cost-saving"]'];
        for (const sel of ['[data-testid="lesson"]', ...cards, '[data-testid="cost-curve"] svg[role="img"]', 'section.map .maplibregl-canvas'])
          await assertOnScreen(page, sel, `${sel} on slide ${slide}`);
        assert.equal(await page.evaluate(() => document.scrollingElement.scrollTop), 0);
      }
      if (width === 1920) {
        const sizes = await page.evaluate(() => ({
          slide: parseFloat(getComputedStyle(document.querySelector('[data-testid="lesson"] .text p:last-child')).fontSize),
          chart: Math.min(...[...document.querySelectorAll('[data-testid="cost-curve"] svg[role="img"] text')].map((el) => parseFloat(getComputedStyle(el).fontSize))),
          map: Math.min(...[...document.querySelectorAll('button.label .name, button.label .value')].map((el) => parseFloat(getComputedStyle(el).fontSize))),
        }));
        assert.ok(sizes.slide >= 28, `slide text ${sizes.slide}px`);
        assert.ok(sizes.chart >= 18, `chart text ${sizes.chart}px`);
        assert.ok(sizes.map >= 18, `map text ${sizes.map}px`);
      }
      // No axis label is cut off: every tick label lies inside its chart's panel.
      const clipped = await page.evaluate(() => [...document.querySelectorAll('[data-testid="cost-curve"] svg[role="img"] text')].filter((el) => {
        const r = el.getBoundingClientRect();
        const panel = el.closest('.panel, section')?.getBoundingClientRect();
        return r.width > 0 && panel && (r.left < panel.left - 0.5 || r.right > panel.right + 0.5);
      }).map((el) => el.textContent));
      assert.deepEqual(clipped, [], 'axis labels outside their panel');
    },
  })),
  {
    name: "lecture: the slide's words agree with the panel, and slide 4 sweeps the target (P pauses)",
    viewport: { width: 1920, height: 1080 },
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?slide=2&theme=projector&lang=en`);
      await waitForPlan();
      const lesson = page.locator('[data-testid="lesson"]');
      // Slide 2 names what acting alone costs, or how low it gets when it cannot reach the target; the card agrees.
      const local = solved('local', 196.7);
      const said = local.feasible ? yuan(local.totalCost) : local.infeasibility[0].bestReachable.toFixed(1);
      await page.waitForFunction((s) => document.querySelector('[data-testid="lesson"]').textContent.includes(s), said);
      if (local.feasible) assert.match(await lesson.innerText(), new RegExp(`reaching 196\\.7\\sμg/m³ costs it ${literal(said)} a year`));
      else assert.match(await lesson.innerText(), new RegExp(`gets down to ${literal(said)}\\sμg/m³ at best, so it cannot reach 196\\.7`));
      assert.ok((await text(page, 'cost-local')).includes(said), 'the local card shows the figure the slide names');
      await page.locator('body').click({ position: { x: 5, y: 1000 } });
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      assert.match(await lesson.innerText(), /Slide 4 of 7/);
      await page.waitForFunction(() => Number(document.querySelector('#target-slider').value) < 195, null, { timeout: 10_000 });
      await page.keyboard.press('p');
      const paused = await page.locator('#target-slider').inputValue();
      await page.waitForTimeout(900);
      assert.equal(await page.locator('#target-slider').inputValue(), paused, 'the sweep stopped');
      assert.match(await page.locator('[data-testid="lesson-sweep"]').innerText(), /Resume/);
      await page.keyboard.press('p');
      // It ends at the lowest target regional control reaches, which the slide names.
      await page.waitForFunction(() => document.querySelector('[data-testid="lesson-sweep"]').textContent.includes('Resume'), null, { timeout: 30_000 });
      const end = await page.locator('#target-slider').inputValue();
      assert.match(await lesson.innerText(), new RegExp(`reaches down to ${literal(Number(end).toFixed(1))}`));
      assert.ok(solved('regional', Number(end)).feasible, `the sweep ended at ${end}, which regional control cannot reach`);
      await page.keyboard.press('End');
      assert.match(await lesson.innerText(), /Slide 4 of 7/);
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      assert.match(await lesson.innerText(), /Slide 7 of 7[\s\S]*takeaway/);
    },
  },
  {
    name: 'phone: every table column is reachable, with a visible scroll cue',
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    async run({ page, origin, waitForPlan }) {
      await returning(page);
      await page.goto(`${origin}/?lang=zh&data=bth-ozone-calibrated`);
      await waitForPlan();
      const scroller = page.locator('[data-testid="cuts-table"]').locator('xpath=..');
      const wide = await scroller.evaluate((el) => el.scrollWidth > el.clientWidth);
      if (wide) {
        await page.locator('[data-testid="scroll-cue"]').waitFor();
        await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
        await page.locator('[data-testid="scroll-cue"]').waitFor({ state: 'detached' });
      }
      // Headers break between words only.
      const broken = await page.evaluate(() => [...document.querySelectorAll('[data-testid="cuts-table"] thead th')].filter((th) => th.getClientRects().length > 0 && th.getBoundingClientRect().height > parseFloat(getComputedStyle(th).lineHeight) * 1.6).map((th) => th.textContent));
      assert.deepEqual(broken, []);
    },
  },
  {
    name: 'phone: Share opens the system share sheet where there is one',
    viewport: { width: 390, height: 844 },
    async run({ page, origin, waitForPlan }) {
      await returning(page);
      await page.addInitScript(() => { navigator.share = async (data) => { window.__shared = data; }; });
      await page.goto(`${origin}/?lang=en`);
      await waitForPlan();
      await page.getByRole('button', { name: 'Share', exact: true }).click();
      const shared = await page.evaluate(() => window.__shared);
      assert.match(shared.url, /^http:\/\/127\.0\.0\.1:\d+\/\?/);
      assert.match(shared.text, /^Acting together meets/);
      assert.equal(await page.locator('dialog[open]').count(), 0);
    },
  },
  {
    name: 'the Embed dialog offers the views a journalist picks, a live preview, a transparent background and the slider alone',
    viewport: { width: 1400, height: 900 },
    async run({ page, origin, waitForPlan }) {
      await returning(page);
      await page.goto(`${origin}/?lang=en`);
      await waitForPlan();
      await page.getByRole('button', { name: 'Embed' }).click();
      const dialog = page.locator('dialog[open]');
      const snippetUrl = async () => (await dialog.locator('[data-testid="embed-snippet"]').inputValue()).match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
      // The headline card leads.
      assert.match(await snippetUrl(), /panels=headline,slider/);
      const preview = dialog.locator('[data-testid="embed-preview"]');
      assert.equal(await preview.getAttribute('src'), await snippetUrl());
      await page.frameLocator('[data-testid="embed-preview"]').locator('[data-testid="headline"]:not([aria-busy="true"])').waitFor({ timeout: 20_000 });
      await dialog.getByLabel('Headline with the cost chart').check();
      assert.match(await snippetUrl(), /panels=headline,slider,chart/);
      await dialog.getByLabel('Everything').check();
      assert.match(await snippetUrl(), /panels=headline,controls,map,chart,summary/);
      await dialog.getByTestId('embed-compact').check();
      assert.match(await snippetUrl(), /panels=headline,slider,map,chart,summary/);
      await dialog.getByTestId('embed-transparent').check();
      assert.match(await snippetUrl(), /bg=transparent/);
      assert.equal(await preview.getAttribute('src'), await snippetUrl());
      await page.frameLocator('[data-testid="embed-preview"]').locator('[data-testid="headline"]').waitFor({ timeout: 20_000 });
      const bg = await page.frameLocator('[data-testid="embed-preview"]').locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
      assert.equal(bg, 'rgba(0, 0, 0, 0)');
    },
  },
];
