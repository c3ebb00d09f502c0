/** Links and CSV against hostile input: the one number rule, repeated parameters, formula cells. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGlpk } from '../../src/model/glpk';
import { solvePlan, type GLPK } from '../../src/model/lp';
import { csvField, planCsv, sweepCsv, toCsv } from '../../src/state/exports';
import { decodeState, viewContext } from '../../src/state/state';
import { BUNDLED, defaultDataset, tinyDataset } from '../fixtures';

const ctx = viewContext(defaultDataset(), BUNDLED);

describe('link numbers follow the one decimal rule', () => {
  it.each(['0xC8', '1.9e2', '+190', ' 190', 'Infinity', '0b11'])('ignores target=%s with a notice', (raw) => {
    const { state, notices } = decodeState(`target=${encodeURIComponent(raw)}`, ctx);
    expect(state.target).toBe(ctx.defaults.target);
    expect(notices).toMatchObject([{ param: 'target', key: 'notice.ignored' }]);
  });

  it('applies the rule to seed, slide and adjust as well', () => {
    const { state, notices } = decodeState('seed=0x10&slide=0x2&adjust=response:5e-1', ctx);
    expect(state).toMatchObject({ seed: 1, slide: null, adjust: {} });
    expect(notices.map((n) => n.param).sort()).toEqual(['adjust', 'seed', 'slide']);
    expect(decodeState('seed=16&slide=2&adjust=response:0.5&target=190.5', ctx).state).toMatchObject({ seed: 16, slide: 2, adjust: { response: 0.5 }, target: 190.5 });
  });

  it('keeps the first of a repeated parameter and says so', () => {
    const { state, notices } = decodeState('target=180&target=190&scenario=local&scenario=regional&scenario=compare', ctx);
    expect(state).toMatchObject({ target: 180, scenario: 'local' });
    expect(notices).toEqual([
      { param: 'target', key: 'notice.repeated', value: '190' },
      { param: 'scenario', key: 'notice.repeated', value: 'regional' },
      { param: 'scenario', key: 'notice.repeated', value: 'compare' },
    ]);
  });
});

describe('CSV cells cannot run as formulas', () => {
  it('prefixes text starting with =, +, -, @, tab or CR with a quote', () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvField('+1+1')).toBe("'+1+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('\rcmd')).toBe('"\'\rcmd"');
    expect(csvField('a=b')).toBe('a=b');
  });

  it('leaves numbers as numbers, negative ones too', () => {
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField('-12.5')).toBe('-12.5');
    expect(csvField('0')).toBe('0');
    expect(toCsv(['a'], [[-3]])).toBe('\uFEFFa\r\n-3\r\n');
  });

  let glpk: GLPK;
  beforeAll(async () => {
    glpk = await loadGlpk();
  });

  it('neutralises dataset text in the plan CSV, and writes the sweep CSV with the same writer', () => {
    const d = tinyDataset();
    d.jurisdictions[2].name.en = '=cmd|\' /C calc\'!A0';
    d.jurisdictions[2].name.zh = '@湖畔';
    const targets = [{ receptor: 'lakeside', target: 150 }];
    const csv = planCsv(d, { regional: solvePlan(glpk, d, { scenario: 'regional', targets }), local: solvePlan(glpk, d, { scenario: 'local', targets }) });
    expect(csv).toContain(",'=cmd|' /C calc'!A0,'@湖畔,");
    expect(csv).not.toMatch(/(^|,)[=@]/m);
    const sweep = sweepCsv([{ target: 150, local: null, regional: -1, saving: null, marginalLocal: null, marginalRegional: 2, equal: null }]);
    expect(sweep.split('\r\n')[1]).toBe('150,,-1,,,2,');
  });
});
