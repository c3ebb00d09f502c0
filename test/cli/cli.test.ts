import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { defaultDataset } from '../fixtures';

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'airshed-')), name);
  writeFileSync(path, text);
  return path;
}

describe('cli solve --json', () => {
  it('prints one JSON object with the documented fields', async () => {
    const { code, out } = await cli('solve', '--target', '196.7', '--scenario', 'local', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.feasible).toBe(true);
    expect(Math.abs(json.totalCost / 2.046e9 - 1)).toBeLessThan(0.05);
    expect(json.ozone.beijing).toBeCloseTo(196.7, 6);
    expect(json.marginalCost.beijing).toBeGreaterThan(0);
    expect(json.byJurisdiction.beijing).toMatchObject({ cost: expect.any(Number), cutTonnes: { NOx: expect.any(Number), VOC: expect.any(Number) } });
    expect(Object.keys(json.byJurisdiction)).toHaveLength(13);
  });

  it('reports an infeasible target as feasible: false with the best reachable ozone', async () => {
    const { code, out } = await cli('solve', '--target', '170', '--scenario', 'local', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({ feasible: false, totalCost: null });
    expect(json.infeasibility[0].bestReachable).toBeGreaterThan(170);
  });

  it('constrains several receptors, or all', async () => {
    const some = JSON.parse((await cli('solve', '--target', '205', '--scenario', 'regional', '--receptors', 'beijing,tianjin', '--json')).out);
    expect(Object.keys(some.targets)).toEqual(['beijing', 'tianjin']);
    const all = JSON.parse((await cli('solve', '--target', '205', '--scenario', 'regional', '--receptors', 'all', '--json')).out);
    expect(Object.keys(all.targets)).toHaveLength(13);
    expect(all.totalCost).toBeGreaterThanOrEqual(some.totalCost);
  });
});

describe('cli sweep and export-lp', () => {
  it('prints a CSV row per target with both costs and the saving', async () => {
    const { code, out } = await cli('sweep', '--from', '218', '--to', '163', '--step', '1');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^target_ug_m3,local_cost_yuan,regional_cost_yuan,saving_yuan/);
    expect(lines).toHaveLength(1 + 56);
    const last = lines.at(-1)!.split(',');
    expect(last[0]).toBe('163');
    expect(last[1]).toBe('');
    expect(Number(last[2])).toBeGreaterThan(0);
  });

  it('prints JSON rows with null where infeasible', async () => {
    const json = JSON.parse((await cli('sweep', '--from', '200', '--to', '170', '--step', '10', '--format', 'json')).out);
    expect(json.rows.map((r: { target: number }) => r.target)).toEqual([200, 190, 180, 170]);
    expect(json.rows[3].local).toBeNull();
  });

  it('exports the LP', async () => {
    const { code, out } = await cli('export-lp', '--target', '196.7', '--scenario', 'regional');
    expect(code).toBe(0);
    expect(out).toMatch(/Minimize[\s\S]*Subject To[\s\S]*Bounds[\s\S]*End$/);
  });
});

describe('cli validate', () => {
  it('summarises a valid file', async () => {
    const path = tempFile('ok.json', JSON.stringify(defaultDataset()));
    const { code, out } = await cli('validate', path);
    expect(code).toBe(0);
    expect(out).toMatch(/is valid: .* 13 jurisdictions, 104 sources/);
  });

  it('lists every problem and exits 1', async () => {
    const d = defaultDataset() as any;
    d.sources[0].emissions = -1;
    d.coefficients.pop();
    const { code, err } = await cli('validate', tempFile('bad.json', JSON.stringify(d)));
    expect(code).toBe(1);
    expect(err).toMatch(/2 problem\(s\)/);
    expect(err).toContain('sources[0].emissions: must be a finite number >= 0, got -1');
    expect(err).toContain('coefficients: must have one row per receptor (13), got 12');
  });
});

describe('cli errors are one paragraph, never a stack trace', () => {
  const cases: [string, string[], RegExp][] = [
    ['non-numeric target', ['solve', '--target', 'abc', '--scenario', 'local'], /--target must be a number, got "abc"/],
    ['missing target', ['solve', '--scenario', 'local'], /--target is required/],
    ['bad scenario', ['solve', '--target', '190', '--scenario', 'both'], /--scenario must be local or regional/],
    ['unknown receptor', ['solve', '--target', '190', '--scenario', 'local', '--receptors', 'paris'], /Unknown receptor\(s\) "paris"/],
    ['unknown option', ['solve', '--target', '190', '--bogus'], /Unknown option '--bogus'/],
    ['unknown command', ['frobnicate'], /Unknown command "frobnicate"/],
    ['missing data file', ['solve', '--target', '190', '--scenario', 'local', '--data', '/nonexistent.json'], /Cannot read the dataset \/nonexistent.json: ENOENT/],
    ['zero sweep step', ['sweep', '--step', '0'], /positive step/],
    ['bad format', ['sweep', '--format', 'xml'], /--format must be csv or json/],
  ];
  it.each(cases)('%s', async (_, args, message) => {
    const { code, err, out } = await cli(...args);
    expect(code).not.toBe(0);
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\n\s+at /);
    expect(out).toBe('');
  });

  it('rejects malformed JSON data with its parse error', async () => {
    const { code, err } = await cli('solve', '--target', '190', '--scenario', 'local', '--data', tempFile('broken.json', '{nope'));
    expect(code).toBe(1);
    expect(err).toMatch(/not valid JSON/);
  });
});

describe('npm run cli (end to end)', () => {
  it('keeps stdout pure JSON and exits non-zero with a message on bad input', () => {
    const out = execFileSync('npm', ['run', 'cli', '--', 'solve', '--target', '196.7', '--scenario', 'regional', '--json'], { encoding: 'utf8' });
    expect(Math.abs(JSON.parse(out).totalCost / 0.572e9 - 1)).toBeLessThan(0.05);
    const bad = spawnSync('npm', ['run', 'cli', '--', 'solve', '--target', 'x'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^airshed: --target must be a number/);
  });
});
