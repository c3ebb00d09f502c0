/**
 * Builds the literature-grounded default dataset (2.x) from grounded-figures.ts. Nothing is
 * fitted to the published cost headline: the response factor comes from the 2008 Olympics and
 * an attainment study, the source weights from tagging studies, and every number names its
 * reference. Deterministic.
 */
import { bearing, distanceKm } from './kernel';
import { jurisdictions, pollutants, provinces, PUBLISHED, UNITS } from './figures';
import {
  ATTAINMENT, BACKGROUND, BASELINE, BEIJING_COST_MULTIPLIER, groundedCosts, groundedReferences, groundedSectors, INSIDE_BASIN, KERNEL,
  NOX_2013_BEIJING, NOX_2015, NOX_TO_VOC, OLYMPICS, OWN_SHARE, sectorRows, STEEL_CITY_SHARE, TITRATION, VOC_2013_BEIJING, VOC_2015, VOC_LIMITED_CORES,
  type Province,
} from './grounded-figures';
import type { Dataset, Source, UncertainInput } from '../../src/model/types';
import { damageInput, damagePrice, damageReferences } from './damage';

const sig = (x: number, n = 6) => (x === 0 ? 0 : Number(x.toPrecision(n)));
const named = (x: { id: string; zh: string; en: string }) => ({ id: x.id, name: { en: x.en, zh: x.zh } });
const POLLUTANTS = ['NOx', 'VOC'] as const;
type Pollutant = (typeof POLLUTANTS)[number];

const hebei = jurisdictions.filter((j) => j.province === 'hebei');
const hebeiTotal = { gdp: hebei.reduce((s, j) => s + j.gdp, 0), population: hebei.reduce((s, j) => s + j.population, 0) };

/** Total share of base emissions a sector-pollutant curve can remove. */
const curveShare = (key: string) => groundedCosts[key].steps.reduce((s, [share]) => s + share, 0);

/** Share of each Beijing step still open after its 2013-2015 cuts (see 'beijing-open-share'). */
export function beijingOpenShare(pollutant: Pollutant): number {
  const rows = sectorRows.filter((r) => r.pollutant === pollutant && r.kept.beijing > 0);
  const tonnes = rows.reduce((s, r) => s + r.tonnes.beijing, 0);
  const curve = rows.reduce((s, r) => s + r.tonnes.beijing * curveShare(`${r.sector}.${pollutant}`), 0) / tonnes;
  const [before, after] = pollutant === 'NOx' ? [NOX_2013_BEIJING, NOX_2015.beijing] : [VOC_2013_BEIJING, VOC_2015.beijing];
  return 1 - (before - after) / (before * curve);
}

/** Kept (ozone-season) tonnes of one sector row in one jurisdiction. */
function tonnesIn(row: (typeof sectorRows)[number], j: (typeof jurisdictions)[number]): number {
  const province = j.province as Province;
  const kept = row.tonnes[province] * row.kept[province];
  if (province !== 'hebei') return kept;
  const steel = row.hebeiSteel ?? 0;
  return steel * STEEL_CITY_SHARE[j.id] + (kept - steel) * (j[row.proxy] / hebeiTotal[row.proxy]);
}

function buildSources(): Source[] {
  const open = { NOx: beijingOpenShare('NOx'), VOC: beijingOpenShare('VOC') };
  const out: Source[] = [];
  for (const j of jurisdictions) {
    for (const row of sectorRows) {
      const emissions = Math.round(tonnesIn(row, j));
      if (emissions === 0) continue;
      const curve = groundedCosts[`${row.sector}.${row.pollutant}`];
      const isBeijing = j.id === 'beijing';
      out.push({
        id: `${j.id}.${row.sector}.${row.pollutant}`,
        jurisdiction: j.id,
        sector: row.sector,
        pollutant: row.pollutant,
        emissions,
        emissionsRef: j.province === 'hebei' ? (row.hebeiSteel ? 'assumed-steel-cities' : 'proxy-hebei-cities') : row.ref,
        steps: curve.steps.map(([share, cost]) => ({
          share: sig(isBeijing ? share * open[row.pollutant] : share, 4),
          cost: Math.round(isBeijing ? cost * BEIJING_COST_MULTIPLIER : cost),
        })),
        costRef: isBeijing ? 'beijing-cost-multiplier' : curve.ref,
      });
    }
  }
  return out;
}

/** Kept emissions by jurisdiction and pollutant. */
function emissionTable(sources: Source[]): Map<string, Record<Pollutant, number>> {
  const table = new Map(jurisdictions.map((j) => [j.id, { NOx: 0, VOC: 0 }]));
  for (const s of sources) table.get(s.jurisdiction)![s.pollutant as Pollutant] += s.emissions;
  return table;
}

/** Share of a receptor's basin-made ozone from each jurisdiction: own share, the rest by kernel. */
function weights(receptor: (typeof jurisdictions)[number], emissions: Map<string, Record<Pollutant, number>>): number[] {
  const own = receptor.id === 'beijing' ? OWN_SHARE.beijing : OWN_SHARE.others;
  const raw = jurisdictions.map((j) => {
    if (j.id === receptor.id) return 0;
    const e = emissions.get(j.id)!;
    const upwind = 1 + KERNEL.windWeight * Math.cos(((bearing(receptor.seat, j.seat) - KERNEL.windFrom) * Math.PI) / 180);
    return (e.NOx + e.VOC) * Math.exp(-distanceKm(receptor.seat, j.seat) / KERNEL.decayKm) * upwind;
  });
  const total = raw.reduce((a, b) => a + b, 0);
  return jurisdictions.map((j, i) => (j.id === receptor.id ? own : ((1 - own) * raw[i]) / total));
}

/** Each precursor's share of a jurisdiction's contribution at a receptor (negative: titration). */
function precursorSplit(receptorId: string, sourceId: string): Record<Pollutant, number> {
  if (receptorId === sourceId && VOC_LIMITED_CORES.includes(sourceId)) return { NOx: -TITRATION, VOC: 1 };
  return { NOx: NOX_TO_VOC / (1 + NOX_TO_VOC), VOC: 1 / (1 + NOX_TO_VOC) };
}

/** Coefficients a(r, j, p) for response factor k: k · C_r · w(r, j) · s(r, j, p) / E(j, p). */
function coefficients(k: number, emissions: Map<string, Record<Pollutant, number>>): number[][][] {
  return jurisdictions.map((r) => {
    const controllable = (BASELINE[r.id] - BACKGROUND) * INSIDE_BASIN;
    const w = weights(r, emissions);
    return jurisdictions.map((j, i) => {
      const split = precursorSplit(r.id, j.id);
      const e = emissions.get(j.id)!;
      return POLLUTANTS.map((p) => (e[p] > 0 ? (k * controllable * w[i] * split[p]) / e[p] : 0));
    });
  });
}

/** Ozone removed at Beijing by cutting each jurisdiction's pollutants by the given fractions. */
function beijingDrop(matrix: number[][][], emissions: Map<string, Record<Pollutant, number>>, cut: (j: string, p: Pollutant) => number): number {
  const b = jurisdictions.findIndex((j) => j.id === 'beijing');
  return jurisdictions.reduce((sum, j, i) => sum + POLLUTANTS.reduce((s, p, q) => s + matrix[b][i][q] * emissions.get(j.id)![p] * cut(j.id, p), 0), 0);
}

/** The response factor from the Olympics and the attainment study (see 'response-factor'). */
export function responseFactor(sources = buildSources()): { k: number; olympics: number; attainment: number } {
  const emissions = emissionTable(sources);
  const unit = coefficients(1, emissions);
  const olympics = OLYMPICS.ozoneDrop / beijingDrop(unit, emissions, (j, p) => (j === 'beijing' ? OLYMPICS.beijingCut[p] : OLYMPICS.regionCut[p]));
  const attainment = (BASELINE.beijing - ATTAINMENT.target) / beijingDrop(unit, emissions, (_, p) => ATTAINMENT.cut[p]);
  return { k: Math.sqrt(olympics * attainment), olympics, attainment };
}

function uncertainty(k: number): UncertainInput[] {
  const input = (id: string, en: string, zh: string, rest: Omit<UncertainInput, 'id' | 'name'>): UncertainInput => ({ id, name: { en, zh }, ...rest });
  const factor = { nominal: 1, unit: '×' };
  return [
    input('response', 'Ozone per tonne (response factor)', '每吨减排的臭氧效果（响应系数）', {
      effect: 'coefficient', nominal: sig(k, 4), low: 0.2, high: 0.8, scale: 'linear', unit: '', adjustable: true, ref: 'response-factor',
    }),
    input('beijing-own', "Beijing's own share of its ozone", '北京本地排放对其臭氧的贡献', {
      effect: 'ownShare', where: { receptors: ['beijing'] }, nominal: OWN_SHARE.beijing, low: 0.35, high: 0.8, scale: 'linear', unit: '', adjustable: true, ref: 'apportionment-beijing',
    }),
    input('nox-weight', 'NOx weight against VOC', 'NOx 相对 VOC 的权重', {
      effect: 'coefficient', where: { pollutants: ['NOx'], sign: 'positive' }, nominal: NOX_TO_VOC, low: 0.5, high: 3, scale: 'log', unit: '', ref: 'regime',
    }),
    input('titration', 'NOx titration in city cores', '城市核心区 NOx 滴定效应', {
      effect: 'coefficient', where: { pollutants: ['NOx'], sign: 'negative' }, nominal: TITRATION, low: 0, high: 1, scale: 'linear', unit: '', ref: 'regime',
    }),
    input('background', 'Background ozone', '本底臭氧', {
      effect: 'background', nominal: BACKGROUND, low: 80, high: 120, scale: 'linear', unit: 'μg/m³', ref: 'background-lu2019',
    }),
    input('baseline-beijing', "Beijing's baseline ozone", '北京基准臭氧', {
      effect: 'baseline', where: { receptors: ['beijing'] }, nominal: BASELINE.beijing, low: 210, high: 260, scale: 'linear', unit: 'μg/m³', ref: 'baseline-beijing',
    }),
    input('costs', 'All step costs', '全部措施成本', { effect: 'cost', ...factor, low: 0.5, high: 2, scale: 'log', adjustable: true, ref: 'cost-ranges' }),
    input('beijing-cost', "Beijing's cost multiplier", '北京成本倍数', {
      effect: 'cost', where: { jurisdictions: ['beijing'] }, nominal: BEIJING_COST_MULTIPLIER, low: 1, high: 8, scale: 'log', unit: '×', adjustable: true, ref: 'beijing-cost-multiplier',
    }),
    input('beijing-open', "Beijing's control potential still open", '北京尚未采用的减排潜力', {
      effect: 'stepShare', where: { jurisdictions: ['beijing'] }, ...factor, low: 0.4, high: 1.3, scale: 'linear', ref: 'beijing-open-share',
    }),
    input('voc-total', 'VOC inventory total', 'VOC 排放总量', { effect: 'emissions', where: { pollutants: ['VOC'] }, ...factor, low: 0.63, high: 1.15, scale: 'linear', ref: 'emission-ranges' }),
    input('industry-voc', 'Industrial and solvent VOC', '工业与溶剂 VOC', {
      effect: 'emissions', where: { sectors: ['industry', 'solvent'], pollutants: ['VOC'] }, ...factor, low: 0.68, high: 1.48, scale: 'linear', ref: 'emission-ranges',
    }),
    input('industry-nox', 'Industrial and power NOx', '工业与电力 NOx', {
      effect: 'emissions', where: { sectors: ['industry', 'power'], pollutants: ['NOx'] }, ...factor, low: 0.7, high: 1.3, scale: 'linear', ref: 'emission-ranges',
    }),
    input('transport', 'Road transport emissions', '道路交通排放', { effect: 'emissions', where: { sectors: ['transport'] }, ...factor, low: 0.7, high: 1.3, scale: 'linear', ref: 'emission-ranges' }),
    input('nonroad', 'Non-road and residential emissions', '非道路与民用排放', {
      effect: 'emissions', where: { sectors: ['nonroad', 'residential'] }, ...factor, low: 0.5, high: 1.5, scale: 'linear', ref: 'emission-ranges',
    }),
    damageInput,
  ];
}

export function buildGrounded(): Dataset {
  const sources = buildSources();
  const emissions = emissionTable(sources);
  const { k, olympics, attainment } = responseFactor(sources);
  return {
    format: 'airshed-dataset',
    formatVersion: 1,
    meta: {
      id: 'bth-ozone',
      title: { en: 'Beijing-Tianjin-Hebei ozone control, grounded in the literature', zh: '京津冀臭氧控制（基于文献的数据集）' },
      version: '2.0.0',
      description: {
        en: `Built from published figures for 2015 and stated assumptions; nothing is fitted to the published costs. Ozone-season emissions (heating sources dropped), costs from published unit costs, and source-receptor coefficients from tagging studies scaled by a response factor (k = ${sig(k, 2)}) taken from the 2008 Olympics (${sig(olympics, 2)}) and an attainment study (${sig(attainment, 2)}). Every input group carries a range.`,
        zh: `依据 2015 年的公开数据和明示的假设构建，不拟合已发表的成本。臭氧季排放（剔除采暖源）、公开的单位减排成本、源解析研究给出的源-受体权重，并用 2008 年奥运会（${sig(olympics, 2)}）与达标研究（${sig(attainment, 2)}）得到的响应系数（k = ${sig(k, 2)}）定标。每组输入都给出不确定范围。`,
      },
      license: 'CC BY 4.0 (this compilation); figures belong to their cited sources',
      provenance:
        'The research behind Airshed published its results but not its inputs. This dataset rebuilds the inputs from the literature for one base year (2015) and the ozone season, says for every number whether it is published, derived or assumed, and gives each assumed or derived group a range. It is compared with the published headline, not fitted to it.',
      references: { ...groundedReferences, ...damageReferences },
      publishedResult: { receptor: PUBLISHED.receptor, target: PUBLISHED.target, local: PUBLISHED.local, regional: PUBLISHED.regional, ref: 'headline' },
    },
    units: UNITS,
    pollutants: pollutants.map(named),
    sectors: groundedSectors.map(named),
    provinces: provinces.map(named),
    jurisdictions: jurisdictions.map((j) => ({ ...named(j), province: j.province, seat: j.seat, population: j.population * 1e4, gdp: j.gdp * 1e8, ref: 'stat-yearbooks-2015' })),
    sources,
    receptors: jurisdictions.map((j) => ({
      id: j.id,
      jurisdiction: j.id,
      baseline: BASELINE[j.id],
      ref: j.id === 'beijing' ? 'baseline-beijing' : 'baseline-others',
      background: BACKGROUND,
      backgroundRef: 'background-lu2019',
      damage: sig(damagePrice(j.population * 1e4, j.province), 4),
      damageRef: 'damage-price',
    })),
    coefficients: coefficients(k, emissions).map((row) => row.map((cell) => cell.map((v) => sig(v)))),
    coefficientsRef: 'response-factor',
    standards: { grade2OneHour: 200, publishedTarget: PUBLISHED.target, sweep: PUBLISHED.sweep, range: { min: 150, max: 240 }, ref: 'standard' },
    defaults: { target: PUBLISHED.target, receptors: ['beijing'] },
    uncertainty: uncertainty(k),
  };
}
