import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { accessDate, APP_VERSION, citation, sourcedSentence } from '../../src/state/cite';

const meta = {
  title: { en: 'Beijing-Tianjin-Hebei ozone control', zh: '京津冀臭氧控制' },
  version: '3.1.0',
  license: 'CC BY 4.0',
};
const url = 'https://example.org/airshed/?target=190.0&v=1';
// 7 December 2026 at 00:30 in the reader's own time zone.
const accessed = new Date(2026, 11, 7, 0, 30);
const input = { appVersion: '0.1.0', dataset: meta, url, accessed };

describe('cite', () => {
  it('takes the app version from package.json', () => {
    expect(APP_VERSION).toBe(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
  });

  it('dates the access on the reader\'s calendar', () => {
    expect(accessDate(accessed)).toBe('2026-12-07');
    expect(accessDate(new Date(2027, 0, 5, 23, 59))).toBe('2027-01-05');
  });

  it('cites the app version, the dataset title and version, the link, the date and the licence', () => {
    expect(citation({ ...input, lang: 'en' })).toBe(
      'Airshed 0.1.0, Beijing-Tianjin-Hebei ozone control, dataset v3.1.0. https://example.org/airshed/?target=190.0&v=1 (accessed 2026-12-07). CC BY 4.0.',
    );
    expect(citation({ ...input, lang: 'zh' })).toBe(
      'Airshed 0.1.0，京津冀臭氧控制，数据集 v3.1.0。https://example.org/airshed/?target=190.0&v=1（访问日期：2026-12-07）。CC BY 4.0。',
    );
  });

  it('writes the sourced sentence as the headline, its interval when there is one, then the citation', () => {
    const headline = 'Acting together meets 190.0 μg/m³ in Beijing for ¥1.2 billion a year; Beijing acting alone costs 3.4× as much (¥4.1 billion).';
    const interval = 'In 90% of 1,000 draws of the uncertain assumptions, acting alone costs 2.1× to 5.0× as much.';
    const en = sourcedSentence({ ...input, lang: 'en', headline, interval });
    expect(en).toBe(`${headline} ${interval} Source: ${citation({ ...input, lang: 'en' })}`);
    expect(sourcedSentence({ ...input, lang: 'en', headline, interval: '' })).toBe(`${headline} Source: ${citation({ ...input, lang: 'en' })}`);
    const zh = sourcedSentence({ ...input, lang: 'zh', headline: '区域联合控制每年花费 12 亿元。', interval: '在 1,000 组抽样中……。' });
    expect(zh).toBe(`区域联合控制每年花费 12 亿元。在 1,000 组抽样中……。来源：${citation({ ...input, lang: 'zh' })}`);
  });
});
