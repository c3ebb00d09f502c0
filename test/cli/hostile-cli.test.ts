/** The CLI against hostile input: files that are not files, bytes that are not UTF-8, repeated flags, numbers that are not decimals, control characters. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, terminalSafe } from '../../src/cli/main';
import { tinyDataset } from '../fixtures';

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const dir = mkdtempSync(join(tmpdir(), 'airshed-hostile-'));
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const tiny = JSON.stringify(tinyDataset());

describe('cli reads only regular files, size first', () => {
  it('refuses /dev/zero at once (it would never end)', async () => {
    const start = performance.now();
    const { code, err, out } = await cli('validate', '/dev/zero');
    expect(code).toBe(2);
    expect(err).toMatch(/Cannot read the dataset \/dev\/zero: it is a device; give a regular JSON file\./);
    expect(out).toBe('');
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('refuses a FIFO without blocking on it', async () => {
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const start = performance.now();
    const { code, err } = await cli('solve', '--target', '150', '--scenario', 'local', '--data', fifo);
    expect(code).toBe(2);
    expect(err).toMatch(/it is a pipe \(FIFO\); give a regular JSON file/);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('refuses a directory', async () => {
    expect((await cli('validate', dir)).err).toMatch(/it is a directory; give a regular JSON file/);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const path = file('huge.json', '');
    truncateSync(path, 6_000_000); // sparse: nothing to read, only a size
    const { code, err } = await cli('validate', path);
    expect(code).toBe(1);
    expect(err).toMatch(/is 6\.0 MB, above the 5 MB limit/);
  });

  it('accepts a UTF-8 byte-order mark', async () => {
    const path = file('bom.json', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(tiny)]));
    const { code, out } = await cli('validate', path);
    expect(code).toBe(0);
    expect(out).toMatch(/is valid: Tiny valley/);
  });

  it('rejects invalid UTF-8 with a clear problem', async () => {
    const bytes = new TextEncoder().encode(tiny);
    const path = file('latin1.json', new Uint8Array([...bytes.slice(0, 50), 0xe9, ...bytes.slice(50)]));
    const { code, err } = await cli('validate', path);
    expect(code).toBe(1);
    expect(err).toMatch(/\(file\): is not valid UTF-8 text/);
  });
});

describe('cli arguments: one number rule, each option once', () => {
  const cases: [string, string[], RegExp][] = [
    ['a repeated flag', ['solve', '--target', '150', '--target', '140', '--scenario', 'local'], /--target given twice: give each option once\./],
    ['a repeated flag with =', ['sweep', '--step=1', '--step=2'], /--step given twice/],
    ['a hex number', ['solve', '--target', '0xC8', '--scenario', 'local'], /--target must be a number, got "0xC8": use a plain decimal number/],
    ['an exponent', ['solve', '--target', '1.5e2', '--scenario', 'local'], /--target must be a number, got "1.5e2"/],
    ['a binary seed', ['uncertainty', '--target', '150', '--seed', '0b11'], /--seed must be a number, got "0b11"/],
    ['a hex fund weight', ['share', '--target', '150', '--rule', 'gdp', '--fund', 'gdp=0x1'], /--fund weight for gdp must be a number >= 0/],
    ['a sweep to a negative target', ['sweep', '--from', '170', '--to=-5'], /Sweep targets must be positive numbers of μg\/m³ up to 1000: to is -5\./],
    ['a sweep from zero', ['sweep', '--from', '0', '--to', '150'], /from is 0/],
    ['a tiny sweep step', ['sweep', '--from', '160', '--to', '160', '--step', '0.0000001'], /Sweep needs a positive step of at least 0.001 μg\/m³, got 1e-7\./],
    ['--json against --format csv', ['sweep', '--json', '--format', 'csv'], /--json and --format csv disagree/],
    ['a target above the ozone limit', ['solve', '--target', '5000', '--scenario', 'local'], /must be a positive number of μg\/m³ up to 1000, got 5000/],
  ];
  it.each(cases)('rejects %s in one clear line', async (_, args, message) => {
    const { code, err, out } = await cli(...args, '--data', file('tiny.json', tiny));
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).not.toMatch(/RangeError|\n\s+at /);
    expect(out).toBe('');
  });

  it('states the number rule in the help', async () => {
    expect((await cli('help')).out).toMatch(/plain decimals[\s\S]*no exponent \(1e3\), hex \(0x10\)[\s\S]*Each option may be given once/);
  });

  it('prints sweep --json as --format json does', async () => {
    const data = file('tiny.json', tiny);
    const json = await cli('sweep', '--from', '165', '--to', '150', '--step', '5', '--receptors', 'lakeside', '--json', '--data', data);
    const format = await cli('sweep', '--from', '165', '--to', '150', '--step', '5', '--receptors', 'lakeside', '--format', 'json', '--data', data);
    expect(json.code).toBe(0);
    expect(json.out).toBe(format.out);
    expect(JSON.parse(json.out).rows.map((r: { target: number }) => r.target)).toEqual([165, 160, 155, 150]);
  });
});

describe('cli output is safe for terminals and spreadsheets', () => {
  it('refuses dataset text with escape sequences, control or bidi characters, and never echoes them', async () => {
    const d: any = tinyDataset();
    d.jurisdictions[2].name.en = 'Lake\u001b[2J\u001b]0;pwned\u0007side\u009b31m\r\u202e';
    d.meta.title.en = 'Tiny\u0000 valley\u001b[31m';
    d.meta.title.zh = '小\u202e山谷';
    const data = file('escapes.json', JSON.stringify(d));
    for (const args of [['validate', data], ['solve', '--target', '150', '--receptors', 'lakeside', '--data', data], ['solve', '--target', '150', '--receptors', 'lakeside', '--json', '--data', data]]) {
      const { code, out, err } = await cli(...args);
      expect(code).not.toBe(0);
      expect(err).toMatch(/jurisdictions\[2\]\.name\.en: must not contain a control character \(U\+001B at position 5\)/);
      expect(err).toMatch(/meta\.title\.en: must not contain a control character \(U\+0000/);
      expect(err).toMatch(/meta\.title\.zh: must not contain a bidirectional control \(U\+202E/);
      expect(out + err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    }
  });

  it('terminalSafe keeps text, tabs and newlines and drops the rest', () => {
    expect(terminalSafe('a\tb\nc μg/m³ 北京')).toBe('a\tb\nc μg/m³ 北京');
    expect(terminalSafe('x\u001b[1;31my\u001b[0m\u0007\u0008\r\u0085\u009b\u202ez')).toBe('xyz');
    expect(terminalSafe('\u001b]8;;http://evil\u001b\\link\u001b]8;;\u001b\\')).toBe('link');
  });

  it('writes the sweep CSV with the page\'s writer', async () => {
    const { code, out } = await cli('sweep', '--from', '165', '--to', '155', '--step', '5', '--receptors', 'lakeside', '--data', file('tiny.json', tiny));
    expect(code).toBe(0);
    expect(out.charCodeAt(0)).not.toBe(0xfeff);
    expect(out.split('\n')[0]).toBe('target_ug_m3,local_yuan,regional_yuan,saving_yuan,marginal_local_yuan_per_ug_m3,marginal_regional_yuan_per_ug_m3,equal_effort_yuan');
    expect(out).not.toMatch(/\r|e\+/);
  });

  it('reports local plans that miss a target together, in text and JSON', async () => {
    const d: any = tinyDataset();
    d.coefficients[0][2] = [-0.003]; // Lakeside's cuts raise ozone at Riverton
    const data = file('titration.json', JSON.stringify(d));
    const args = ['solve', '--target', '155', '--scenario', 'local', '--receptors', 'all', '--data', data];
    const json = JSON.parse((await cli(...args, '--json')).out);
    expect(json).toMatchObject({ feasible: false, totalCost: null, infeasibility: [{ receptor: 'riverton', ozoneTogether: expect.any(Number) }] });
    expect((await cli(...args)).out).toMatch(/^local control cannot meet Riverton 155 μg\/m³, Lakeside 155 μg\/m³:\n {2}- Riverton's own plan meets 155 μg\/m³ alone, but with every place's own plan carried out its ozone is/);
  });

  it('prints the plan table with the dataset\'s own pollutants', async () => {
    const { out } = await cli('solve', '--target', '150', '--scenario', 'regional', '--receptors', 'lakeside', '--data', file('tiny.json', tiny));
    expect(out).toMatch(/Jurisdiction\s+cost\s+NMVOC cut/);
    expect(out).not.toMatch(/NOx|\bVOC/);
  });
});
