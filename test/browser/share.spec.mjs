// The Share panel: link, QR code, chart and CSV downloads. Written against the integration
// contract: a header button named "Share" (分享 in Chinese) opens a <dialog> holding the panel.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { bundled, calibrated, literal } from './expected.mjs';

/** The statistic and its temperature, as an exported chart's subtitle ends (the dataset's own words). */
const statistic = (dataset, lang) => (lang === 'zh' ? `${dataset.units.statistic.zh}（25 °C）` : `${dataset.units.statistic.en}, at 25 °C`);
const squeeze = (text) => text.replace(/\s/g, '');

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const BOM = [0xef, 0xbb, 0xbf];

/** Opens the Share dialog from the header button of exactly that name (not "Shared Sky"); true once it is open. */
async function openShare(page, name = 'Share', how = 'click') {
  const button = page.locator('header').getByRole('button', { name, exact: true });
  if (how === 'keyboard') {
    await button.focus();
    await page.keyboard.press('Enter');
  } else await button.click();
  await page.locator('dialog[open] [data-testid="share-panel"]').waitFor();
  return true;
}

/** Clicks a button in the dialog and returns the download's file name and bytes. */
async function download(page, button) {
  await assert.doesNotReject(button.waitFor({ state: 'visible' }));
  await page.waitForFunction((el) => !el.disabled, await button.elementHandle(), { timeout: 30_000 });
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), button.click()]);
  const path = await file.path();
  assert.ok(path, `download ${file.suggestedFilename()} failed: ${await file.failure()}`);
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

const dialog = (page) => page.locator('dialog[open]');

/**
 * Runs `fn(arg)` in a blank page of the same browser: an exported file's markup is parsed there,
 * not in the site, whose Content-Security-Policy refuses style attributes parsed from markup.
 */
async function inBlankPage(page, fn, arg) {
  const blank = await page.context().newPage();
  try {
    return await blank.evaluate(fn, arg);
  } finally {
    await blank.close();
  }
}

/**
 * What an exported chart SVG says, read in a blank page: its title, subtitle, key items (label and
 * the resolved colours of the swatch), axis titles, footer lines, and any CSS variable left.
 */
function readExport(page, markup) {
  return inBlankPage(page, (text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    const outer = [...root.children].filter((el) => el.localName === 'text');
    const style = (el) => el.getAttribute('style') ?? '';
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      title: root.querySelector(':scope > title')?.textContent,
      heading: outer.filter((t) => /font-weight:\s*600/.test(style(t))).map((t) => t.textContent).join(' '),
      subtitle: outer.filter((t) => /font-size:\s*12\.5px/.test(style(t))).map((t) => t.textContent).join(' '),
      key: [...root.querySelectorAll(':scope > g[data-key]')].map((g) => ({
        id: g.getAttribute('data-key'),
        label: g.querySelector('text')?.textContent,
        paint: [...g.querySelectorAll('rect, line, circle')].map((s) => (style(s).match(/(?:fill|stroke):\s*(rgb[^;]+)/) ?? [])[1] ?? style(s)),
      })),
      axes: [...root.querySelectorAll('svg svg text')].filter((t) => /font-size:\s*12px/.test(style(t))).map((t) => t.textContent),
      ticks: [...root.querySelectorAll('svg svg text')].filter((t) => /font-size:\s*11px/.test(style(t))).map((t) => t.textContent),
      footer: [0, 1].map((i) => [...root.querySelectorAll(`:scope > text[data-footer="${i}"]`)].map((t) => t.textContent).join(' ')),
    };
  }, markup);
}

export const tests = [
  {
    name: 'share: the header button opens a dialog with the link, its QR code and a copy button',
    async run({ page, origin, waitForPlan }) {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      await page.goto(`${origin}/?lang=en&target=190.0`);
      await waitForPlan();
      if (!(await openShare(page))) return;
      const qr = dialog(page).getByRole('img', { name: 'QR code of the link to this view' });
      assert.equal(await qr.evaluate((el) => el.localName), 'svg');
      const box = await qr.boundingBox();
      assert.ok(box.width >= 180, `QR code is ${box.width}px wide`);
      const link = await dialog(page).getByRole('textbox', { name: 'Link to this view' }).inputValue();
      assert.ok(link.startsWith(`${origin}/?`), link);
      assert.match(link, /[?&]target=190\.0(&|$)/);
      assert.match(link, /[?&]lang=en(&|$)/);
      await dialog(page).getByRole('button', { name: 'Copy link' }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid="share-status"]')?.textContent === 'Copied');
      assert.equal(await page.locator('[data-testid="share-status"]').getAttribute('aria-live'), 'polite');
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
      // Enlarging the code is a toggle button.
      const enlarge = dialog(page).getByRole('button', { name: 'Enlarge QR code' });
      await enlarge.click();
      assert.equal(await enlarge.getAttribute('aria-pressed'), 'true');
      assert.ok((await qr.boundingBox()).width > box.width, 'the enlarged QR code is larger');
    },
  },
  {
    name: 'share: cite this view gives a citation and a sourced sentence (the headline, its interval, the citation) to copy, in both languages',
    async run({ page, origin, waitForPlan }) {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
      await page.goto(`${origin}/?lang=en&target=190.0`);
      await waitForPlan();
      // The interval comes from the Monte Carlo: wait for it before reading the headline.
      await page.locator('[data-testid="headline-interval"]').waitFor({ timeout: 60_000 });
      const answer = await page.locator('[data-testid="headline"]').innerText();
      const interval = await page.locator('[data-testid="headline-interval"]').innerText();
      if (!(await openShare(page))) return;
      const link = await dialog(page).getByRole('textbox', { name: 'Link to this view' }).inputValue();
      const citation = await dialog(page).getByRole('textbox', { name: 'Citation' }).inputValue();
      assert.ok(citation.startsWith(`Airshed ${version}, ${bundled.meta.title.en}, dataset v${bundled.meta.version}. ${link} (accessed `), citation);
      assert.match(citation, /\(accessed \d{4}-\d{2}-\d{2}\)/);
      const sentence = await dialog(page).getByRole('textbox', { name: 'A sourced sentence' }).inputValue();
      assert.equal(sentence, `${answer} ${interval} Source: ${citation}`);
      await dialog(page).getByRole('button', { name: 'Copy a sourced sentence' }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid="share-status"]')?.textContent === 'Copied');
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), sentence);
      await dialog(page).getByRole('button', { name: 'Copy citation' }).click();
      await page.waitForFunction((text) => navigator.clipboard.readText().then((t) => t === text), citation);

      await page.goto(`${origin}/?lang=zh&target=190.0`);
      await waitForPlan();
      if (!(await openShare(page, '分享'))) return;
      const zh = await dialog(page).getByRole('textbox', { name: '附来源的句子' }).inputValue();
      const zhAnswer = await page.locator('[data-testid="headline"]').innerText();
      assert.ok(zh.startsWith(zhAnswer) && zh.includes(`来源：Airshed ${version}，${bundled.meta.title.zh}，数据集 v${bundled.meta.version}。`), zh);
    },
  },
  {
    name: 'share: the plan and sweep CSVs download with a BOM, a header row and the places cut',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en&data=bth-ozone-calibrated`);
      await waitForPlan();
      if (!(await openShare(page))) return;
      const plan = await download(page, dialog(page).getByRole('button', { name: 'Download CSV (plan)' }));
      assert.equal(plan.name, 'airshed-plan-196.7-beijing.csv');
      assert.deepEqual([...plan.bytes.subarray(0, 3)], BOM);
      const text = plan.bytes.toString('utf8').slice(1);
      const lines = text.split('\r\n');
      assert.equal(lines[0], 'scenario,status,jurisdiction,name_en,name_zh,sector,pollutant,tonnes_cut,cost_yuan,note');
      assert.ok(lines.some((l) => l.startsWith('regional,ok,langfang,Langfang,廊坊,')), 'a regional row for Langfang');
      assert.ok(lines.some((l) => l.startsWith('local,ok,beijing,Beijing,北京,')), 'a local row for Beijing');
      const cost = (scenario) => lines.filter((l) => l.startsWith(`${scenario},ok,`)).reduce((s, l) => s + Number(l.split(',')[8]), 0);
      assert.ok(Math.abs(cost('regional') - 572e6) < 0.05 * 572e6, `regional total ${cost('regional')}`);
      assert.ok(Math.abs(cost('local') - 2046e6) < 0.05 * 2046e6, `local total ${cost('local')}`);

      const sweep = await download(page, dialog(page).getByRole('button', { name: 'Download CSV (sweep)' }));
      assert.equal(sweep.name, 'airshed-sweep-beijing.csv');
      assert.deepEqual([...sweep.bytes.subarray(0, 3)], BOM);
      const rows = sweep.bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
      assert.equal(rows[0], 'target_ug_m3,local_yuan,regional_yuan,saving_yuan,marginal_local_yuan_per_ug_m3,marginal_regional_yuan_per_ug_m3,equal_effort_yuan');
      assert.equal(rows.length, 1 + 161, 'one row per 0.5 μg/m³ from 230 to 150');
      assert.match(rows.find((r) => r.startsWith('150,')), /^150,,\d/, 'local control cannot reach 150: empty cost');
    },
  },
  {
    name: 'share: charts download as a PNG at 2x and as a stand-alone SVG',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en&data=bth-ozone-calibrated`);
      await waitForPlan();
      if (!(await openShare(page))) return;
      const curve = dialog(page).getByRole('group', { name: 'Cost curve' });
      const png = await download(page, curve.getByRole('button', { name: 'Download PNG' }));
      assert.equal(png.name, 'airshed-cost-curve-196.7-beijing.png');
      assert.deepEqual([...png.bytes.subarray(0, 8)], PNG_SIGNATURE);
      const chartWidth = await page.locator('figure[data-testid="cost-curve"] svg[data-chart]').evaluate((svg) => svg.width.baseVal.value);
      const [pngWidth, pngHeight] = [png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)];
      assert.ok(pngWidth % 2 === 0 && pngWidth >= 2 * chartWidth && pngWidth <= 2 * chartWidth + 60, `PNG ${pngWidth} px wide for a ${chartWidth} px chart (2x)`);
      assert.ok(pngHeight > 2 * 380 && pngHeight < 2 * 640, `PNG ${pngHeight} px high`);
      // Not blank: a good share of the pixels carry ink.
      const inked = await page.evaluate(async (b64) => {
        const image = new Image();
        image.src = `data:image/png;base64,${b64}`;
        await image.decode();
        const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
        const context = canvas.getContext('2d');
        context.drawImage(image, 0, 0);
        const data = context.getImageData(0, 0, image.width, image.height).data;
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 600) dark++;
        return dark / (data.length / 4);
      }, png.bytes.toString('base64'));
      assert.ok(inked > 0.02 && inked < 0.8, `inked share ${inked}`);

      const merit = dialog(page).getByRole('group', { name: 'Merit order' });
      const svg = await download(page, merit.getByRole('button', { name: 'Download SVG' }));
      assert.equal(svg.name, 'airshed-merit-order-196.7-beijing.svg');
      const markup = svg.bytes.toString('utf8');
      const link = await dialog(page).getByRole('textbox', { name: 'Link to this view' }).inputValue();
      const checked = await inBlankPage(page, (text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        const root = doc.documentElement;
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          root: root.localName,
          background: root.querySelector(':scope > rect')?.getAttribute('fill'),
          viewBox: root.getAttribute('viewBox'),
          styledRects: [...doc.querySelectorAll('svg svg rect')].filter((r) => /fill:\s*rgb/.test(r.getAttribute('style') ?? '')).length,
          styledTexts: [...doc.querySelectorAll('svg svg text')].filter((t) => /font-size:\s*\d/.test(t.getAttribute('style') ?? '') && /font-family:/.test(t.getAttribute('style') ?? '')).length,
        };
      }, markup);
      assert.equal(checked.error, null);
      assert.equal(checked.root, 'svg');
      assert.equal(checked.background, '#ffffff');
      assert.match(checked.viewBox, /^0 0 \d+ \d+$/);
      assert.ok(checked.styledRects > 10, `${checked.styledRects} bars with inline fill`);
      assert.ok(checked.styledTexts > 5, `${checked.styledTexts} labels with inline font`);
      const read = await readExport(page, markup);
      assert.equal(read.title, 'Which cuts come first (marginal abatement cost)');
      assert.equal(read.heading, 'Which cuts come first (marginal abatement cost)');
      assert.equal(read.subtitle, `Beijing · target 196.7\u00a0μg/m³ · Regional joint control · ${statistic(calibrated, 'en')}`);
      // The key: the merit order's bars are coloured by province, used steps solid and the rest pale.
      assert.deepEqual(read.key.map((k) => k.label), ['Beijing', 'Tianjin', 'Hebei', 'used by the plan', 'not used', 'Ozone cut this target needs']);
      for (const item of read.key) assert.ok(item.paint.length > 0 && item.paint.every((p) => /^rgb\(/.test(p)), `${item.label}: swatch painted in resolved colours (${item.paint.join(' | ')})`);
      assert.equal(read.key.find((k) => k.id === 'province-beijing').paint[0], 'rgb(0, 114, 178)');
      assert.equal(read.key.find((k) => k.id === 'used').paint.length, 3, 'the used swatch shows the three provinces');
      assert.match(markup, /<g data-key="unused">(?:(?!<\/g>).)*opacity:\s*0\.25/s, 'the unused swatch is pale');
      // Axes with their units and currency.
      assert.ok(read.axes.includes('Cost per μg/m³ removed, m yuan a year'), read.axes.join(' | '));
      assert.ok(read.axes.includes('Ozone removed in Beijing, μg/m³ (cumulative)'), read.axes.join(' | '));
      assert.equal(read.ticks.filter((t) => t === '0').length, 2, 'both axes start at zero (linear)');
      // Source line, licence and the link to this view.
      assert.equal(read.footer[0], `Source: Airshed model; data: Beijing-Tianjin-Hebei ozone control, calibrated to the published headline v${calibrated.meta.version}; based on Published headline: to bring Beijing's peak ozone to 196.7 μg/m³, local control costs 2.046 bn yuan/yr and regional joint control 0.572 bn yuan/yr`);
      assert.equal(read.footer[1].replace(/\s/g, ''), `Licence: CC BY 4.0 (this compilation); figures belong to their cited sources · ${link}`.replace(/\s/g, ''));
      assert.ok(!markup.includes('var(--'), 'CSS variables are resolved');
      assert.ok(!/\sclass="/.test(markup), 'no class-dependent styling is left');
    },
  },
  {
    name: 'share: in Chinese, opened and closed from the keyboard',
    locale: 'zh-CN',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=zh`);
      await waitForPlan();
      if (!(await openShare(page, '分享', 'keyboard'))) return;
      const panel = dialog(page).locator('[data-testid="share-panel"]');
      assert.equal(await panel.getByRole('heading', { level: 2 }).innerText(), '分享此视图');
      assert.equal(await panel.getByRole('img', { name: '此视图链接的二维码' }).count(), 1);
      for (const name of ['复制链接', '下载 CSV（方案）', '下载 CSV（成本曲线）']) assert.equal(await panel.getByRole('button', { name }).count(), 1, name);
      assert.equal(await panel.getByRole('group', { name: '成本曲线' }).getByRole('button', { name: '下载 PNG' }).count(), 1);
      // Every control in the panel can be reached with Tab.
      const reachable = new Set();
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab');
        const label = await page.evaluate(() => {
          const el = document.activeElement;
          return el?.closest('[data-testid="share-panel"]') ? `${el.localName}:${el.getAttribute('aria-label') ?? el.textContent?.trim()}` : null;
        });
        if (label) reachable.add(label);
      }
      for (const name of ['复制链接', '放大二维码', '下载 CSV（方案）']) assert.ok([...reachable].some((l) => l.endsWith(name)), `Tab reaches ${name}: ${[...reachable].join(' | ')}`);
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('dialog[open]'));
    },
  },
  {
    name: 'share: at phone width an exported chart keeps its title and key inside the image',
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=zh&receptors=beijing,tianjin`);
      await waitForPlan();
      if (!(await openShare(page, '分享'))) return;
      const svg = await download(page, dialog(page).getByRole('group', { name: '边际减排成本' }).getByRole('button', { name: '下载 SVG' }));
      assert.equal(svg.name, 'airshed-merit-order-196.7-beijing-tianjin.svg');
      const overflow = await inBlankPage(page, (text) => {
        const root = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
        const host = document.body.appendChild(document.createElement('div'));
        host.append(document.importNode(root, true));
        const svg = host.querySelector('svg');
        const width = svg.viewBox.baseVal.width;
        // Every text outside the chart itself: title, subtitle, key labels, footer.
        const texts = [...svg.querySelectorAll('text')].filter((t) => t.closest('svg') === svg);
        const out = texts.filter((t) => t.getBBox().x + t.getBBox().width > width + 0.5).map((t) => t.textContent);
        const swatches = [...svg.querySelectorAll(':scope > g[data-key] > g')].filter((g) => g.getBBox().x + g.getBBox().width > width + 0.5).length;
        host.remove();
        return { out, swatches };
      }, svg.bytes.toString('utf8'));
      assert.deepEqual(overflow.out, [], 'text past the right edge');
      assert.equal(overflow.swatches, 0, 'key swatches past the right edge');
      const read = await readExport(page, svg.bytes.toString('utf8'));
      assert.equal(read.heading.replace(/\s/g, ''), '先做哪些削减（边际减排成本）');
      assert.equal(squeeze(read.subtitle), squeeze(`北京·目标196.7μg/m³·区域联合控制·${statistic(bundled, 'zh')}`));
      assert.deepEqual(read.key.map((k) => k.label), ['北京市', '天津市', '河北省', '方案采用', '未采用', '达到此目标所需的臭氧降幅']);
      assert.ok(read.axes.includes('每降低 1 μg/m³ 的年成本（亿元）'), read.axes.join(' | '));
      assert.equal(squeeze(read.footer[0]), `来源：Airshed模型；数据：京津冀臭氧控制（基于文献的数据集）v${bundled.meta.version}；依据Wuetal.(2015),JournalofEnvironmentalManagement149:27-36,https://doi.org/10.1016/j.jenvman.2014.09.032`);
      assert.match(read.footer[1], /^许可：CC BY 4\.0/);
    },
  },
  {
    name: 'share: an exported cost curve carries its key, axes with units, the source line, the link and the licence',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en&target=190.0`);
      await waitForPlan();
      if (!(await openShare(page))) return;
      const link = await dialog(page).getByRole('textbox', { name: 'Link to this view' }).inputValue();
      const svg = await download(page, dialog(page).getByRole('group', { name: 'Cost curve' }).getByRole('button', { name: 'Download SVG' }));
      assert.equal(svg.name, 'airshed-cost-curve-190.0-beijing.svg');
      const markup = svg.bytes.toString('utf8');
      const read = await readExport(page, markup);
      assert.equal(read.error, null);
      assert.equal(read.heading, 'Cost against target');
      assert.equal(read.subtitle, `Beijing · target 190.0\u00a0μg/m³ · local and regional joint control · ${statistic(bundled, 'en')}`);
      // The key drawn from the same items as the page's key, in the light palette.
      const pageKey = await page.locator('figure[data-testid="cost-curve"] [data-testid="chart-key"] li').allInnerTexts();
      assert.deepEqual(read.key.map((k) => k.label), pageKey.map((t) => t.trim()));
      assert.deepEqual(read.key.map((k) => k.id), ['regional', 'local', 'saving', 'published', 'marks', 'target']);
      assert.equal(read.key.find((k) => k.id === 'regional').paint[0], 'rgb(11, 92, 173)', 'regional: --regional');
      assert.equal(read.key.find((k) => k.id === 'local').paint[0], 'rgb(179, 71, 0)', 'local: --local');
      assert.match(markup, /<g data-key="local">(?:(?!<\/g>).)*stroke-dasharray:\s*6,?\s*3/s, 'local control is dashed in the key as on the chart');
      assert.ok(read.key.find((k) => k.id === 'published').label.startsWith('Published study'));
      // Axes: the x axis in the display unit, the y axis in bn yuan a year.
      assert.ok(read.axes.includes('Cost, bn yuan a year'), read.axes.join(' | '));
      assert.ok(read.axes.includes('Ozone target (μg/m³ at 25 °C)'), read.axes.join(' | '));
      // The source line names the dataset and the study, and the last line the licence and this view's link.
      assert.equal(squeeze(read.footer[0]), squeeze(`Source: Airshed model; data: Beijing-Tianjin-Hebei ozone control, grounded in the literature v${bundled.meta.version}; based on Wu et al. (2015), Journal of Environmental Management 149: 27-36, https://doi.org/10.1016/j.jenvman.2014.09.032`));
      assert.equal(read.footer[1].replace(/\s/g, ''), `Licence: CC BY 4.0 (this compilation); figures belong to their cited sources · ${link}`.replace(/\s/g, ''));
      assert.match(link, /[?&]target=190\.0(&|$)/);
      // The page shows the same source line under the charts.
      const pageSource = await page.locator('.charts [data-testid="source-line"]').innerText();
      assert.ok(pageSource.replace(/\s/g, '').startsWith(read.footer[0].replace(/\s/g, '').replace(/,https:.*$/, '')), pageSource);
      // The hover readout stays on the page.
      assert.ok(!markup.includes('data-export'), 'no interactive marks in the export');
    },
  },
  {
    name: 'share: in ppb and Chinese, the exported cost curve gives the target in ppb and costs in 亿元',
    locale: 'zh-CN',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=zh&unit=ppb`);
      await waitForPlan();
      if (!(await openShare(page, '分享'))) return;
      const svg = await download(page, dialog(page).getByRole('group', { name: '成本曲线' }).getByRole('button', { name: '下载 SVG' }));
      const read = await readExport(page, svg.bytes.toString('utf8'));
      const ppb = (196.7 / bundled.units.ugPerPpb).toFixed(1);
      assert.equal(squeeze(read.subtitle), squeeze(`北京·目标${ppb}ppb·属地控制与区域联合控制·${statistic(bundled, 'zh')}`));
      assert.ok(read.axes.includes('每年成本（亿元）'), read.axes.join(' | '));
      assert.ok(read.axes.includes('臭氧目标 (ppb)'), read.axes.join(' | '));
      // Whole-ppb ticks, not converted μg/m³ ticks.
      const xTicks = read.ticks.filter((t) => /^\d+$/.test(t) && Number(t) >= 70 && Number(t) <= 125);
      assert.ok(xTicks.length >= 4 && xTicks.every((t) => Number(t) % 5 === 0), `x ticks ${xTicks.join(' ')}`);
      assert.ok(read.key.find((k) => k.id === 'marks').label.includes('ppb'), 'the marks in ppb');
    },
  },
  {
    name: 'share: a chart exported from the dark theme is drawn in the light palette on white',
    async run({ page, origin, waitForPlan }) {
      await page.goto(`${origin}/?lang=en&theme=dark`);
      await waitForPlan();
      if (!(await openShare(page))) return;
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
      const svg = await download(page, dialog(page).getByRole('group', { name: 'Cost curve' }).getByRole('button', { name: 'Download SVG' }));
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'the page keeps its theme');
      const light = await inBlankPage(page, (text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        const lum = (css) => {
          const m = css.match(/rgba?\((\d+),\s*(\d+),\s*(\d+)/);
          if (!m) return 0;
          const [r, g, b] = m.slice(1).map((v) => { const c = v / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const paint = (el, p) => (el.getAttribute('style') ?? '').match(new RegExp(`(?:^|;)\\s*${p}:\\s*([^;]+)`))?.[1] ?? '';
        return {
          texts: [...doc.querySelectorAll('text')].filter((t) => lum(paint(t, 'fill')) > 0.18).map((t) => t.textContent),
          lines: [...doc.querySelectorAll('svg svg line')].filter((l) => lum(paint(l, 'stroke')) > 0.9).length,
        };
      }, svg.bytes.toString('utf8'));
      assert.deepEqual(light.texts, [], 'text too light for a white background');
      assert.equal(light.lines, 0, 'near-white lines on white');
      const markup = svg.bytes.toString('utf8');
      assert.match(markup, /stroke:\s*rgb\(11, 92, 173\)/, 'the regional line in the light palette (--regional #0b5cad)');
      assert.ok(!markup.includes('rgb(111, 177, 242)'), 'no dark-palette blue (#6fb1f2)');
      assert.match(markup, /stroke:\s*rgb\(27, 31, 36\)/, 'the target marker in the light ink (#1b1f24)');
      const read = await readExport(page, markup);
      assert.equal(read.key.find((k) => k.id === 'regional')?.paint[0], 'rgb(11, 92, 173)', 'the key in the light palette too');
      assert.ok(!/var\(--/.test(markup), 'CSS variables are resolved');
    },
  },
];
