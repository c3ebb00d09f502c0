/**
 * Builds the literature-grounded default dataset (3.x) from grounded-figures.ts. Nothing is
 * fitted to the published cost headline: the response scale comes from two observed responses
 * of ozone to emission cuts (the evidence cases, which the model re-reads in every Monte Carlo
 * draw), the source weights from tagging studies, and every number names its reference. Every
 * concentration is at 298.15 K. Deterministic.
 */
import { bearing, distanceKm } from './kernel';
import { jurisdictions, pollutants, provinces, PUBLISHED, UNITS } from './figures';
import {
  BACKGROUND_PPB, BASELINE, BASELINE_RANGE, BEIJING_CUTS, EVIDENCE, groundedCosts, groundedReferences, groundedSectors, INSIDE_BASIN, KERNEL,
  NOX_2013_BEIJING, NOX_2015, NOX_TO_VOC, OWN_SHARE, RESPONSE_POSITION, RESPONSE_RANGE, sectorRows, STEEL_CITY_SHARE, TITRATION, UG_PER_PPB, VOC_2013_BEIJING, VOC_2015,
  VOC_LIMITED_CORES, type CurveStep, type Province, type SectorRow,
} from './grounded-figures';
import { damageInput, damagePrice, damageReferences } from './damage';
import { observedTransfers, transferReferences } from './transfers';
import { responseScale } from '../../src/model/evidence';
import type { ControlStep, Dataset, EvidenceCase, Source, UncertainInput } from '../../src/model/types';

const sig = (x: number, n = 6) => (x === 0 ? 0 : Number(x.toPrecision(n)));
const named = (x: { id: string; zh: string; en: string }) => ({ id: x.id, name: { en: x.en, zh: x.zh } });
const POLLUTANTS = ['NOx', 'VOC'] as const;
type Pollutant = (typeof POLLUTANTS)[number];

const hebei = jurisdictions.filter((j) => j.province === 'hebei');
const hebeiTotal = { gdp: hebei.reduce((s, j) => s + j.gdp, 0), population: hebei.reduce((s, j) => s + j.population, 0) };

/** Kept (ozone-season) tonnes of one sector row in one jurisdiction. */
function tonnesIn(row: SectorRow, j: (typeof jurisdictions)[number]): number {
  const province = j.province as Province;
  const kept = row.tonnes[province] * row.kept[province];
  if (province !== 'hebei') return kept;
  const steel = row.hebeiSteel ?? 0;
  return steel * STEEL_CITY_SHARE[j.id] + (kept - steel) * (j[row.proxy] / hebeiTotal[row.proxy]);
}

const curveOf = (row: SectorRow) => groundedCosts[`${row.sector}.${row.pollutant}`];
const toSteps = (curve: CurveStep[]): ControlStep[] => curve.map(([share, cost, costRef]) => ({ share: sig(share, 4), cost, costRef }));

/**
 * Beijing's open steps: the sector curves on its 2013 emissions, less the cheapest tonnes its
 * cuts since 2013 used (the part of each cut falling on ozone-season sources in proportion to
 * their share of the emissions), re-expressed as shares of its 2015 emissions.
 */
function beijingOpenSteps(rows: SectorRow[], cuts: Record<Pollutant, number>): Map<SectorRow, ControlStep[]> {
  const out = new Map<SectorRow, ControlStep[]>();
  for (const p of POLLUTANTS) {
    const kept = rows.filter((r) => r.pollutant === p && r.kept.beijing > 0);
    const total = sectorRows.filter((r) => r.pollutant === p).reduce((s, r) => s + r.tonnes.beijing, 0);
    const keptTonnes = kept.reduce((s, r) => s + r.tonnes.beijing * r.kept.beijing, 0);
    const grow = (p === 'NOx' ? NOX_2013_BEIJING / NOX_2015.beijing : VOC_2013_BEIJING / VOC_2015.beijing);
    const capacity = kept.flatMap((row) => curveOf(row).map(([share, cost, ref], level) => ({ row, level, cost, ref, tonnes: share * row.tonnes.beijing * row.kept.beijing * grow })));
    let used = cuts[p] * (keptTonnes / total);
    for (const step of [...capacity].sort((a, b) => a.cost - b.cost || a.level - b.level)) {
      const taken = Math.min(step.tonnes, used);
      step.tonnes -= taken;
      used -= taken;
    }
    for (const row of kept) {
      const emissions = row.tonnes.beijing * row.kept.beijing;
      out.set(row, capacity.filter((s) => s.row === row && s.tonnes / emissions >= 1e-4).map((s) => ({ share: sig(s.tonnes / emissions, 4), cost: s.cost, costRef: s.ref })));
    }
  }
  return out;
}

/** Total tonnes Beijing's steps of a pollutant can remove. */
const capacityOf = (steps: Map<SectorRow, ControlStep[]>, p: Pollutant) =>
  [...steps].filter(([row]) => row.pollutant === p).reduce((sum, [row, list]) => sum + list.reduce((s, k) => s + k.share, 0) * row.tonnes.beijing * row.kept.beijing, 0);

/** The range of the open-potential factor: from the 2013-2017 cuts taken the same way to none of the 2013-2015 cuts having used these steps. */
export function beijingOpenRange(): { low: number; high: number } {
  const nominal = beijingOpenSteps(sectorRows, BEIJING_CUTS.to2015);
  const to2017 = beijingOpenSteps(sectorRows, BEIJING_CUTS.to2017);
  const untouched = new Map(sectorRows.filter((r) => r.kept.beijing > 0).map((row) => [row, toSteps(curveOf(row))]));
  const ratios = (other: Map<SectorRow, ControlStep[]>) => POLLUTANTS.map((p) => capacityOf(other, p) / capacityOf(nominal, p));
  return { low: sig(Math.min(...ratios(to2017)), 2), high: sig(Math.max(...ratios(untouched)), 2) };
}

function buildSources(): Source[] {
  const open = beijingOpenSteps(sectorRows, BEIJING_CUTS.to2015);
  const out: Source[] = [];
  for (const j of jurisdictions) {
    for (const row of sectorRows) {
      const emissions = Math.round(tonnesIn(row, j));
      if (emissions === 0) continue;
      const isBeijing = j.id === 'beijing';
      out.push({
        id: `${j.id}.${row.sector}.${row.pollutant}`,
        jurisdiction: j.id,
        sector: row.sector,
        pollutant: row.pollutant,
        emissions,
        emissionsRef: j.province === 'hebei' ? (row.hebeiSteel ? 'assumed-steel-cities' : 'proxy-hebei-cities') : row.ref,
        steps: isBeijing ? open.get(row)! : toSteps(curveOf(row)),
        costRef: isBeijing ? 'beijing-used-steps' : curveOf(row)[0][2],
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
  if (receptorId === sourceId && VOC_LIMITED_CORES.includes(sourceId)) return { NOx: -TITRATION.nominal, VOC: 1 };
  return { NOx: NOX_TO_VOC / (1 + NOX_TO_VOC), VOC: 1 / (1 + NOX_TO_VOC) };
}

const BACKGROUND = at298Ppb(BACKGROUND_PPB.nominal);
function at298Ppb(ppb: number) {
  return Number((ppb * UG_PER_PPB).toFixed(1));
}

/** Coefficients a(r, j, p) for response scale k: k · C_r · w(r, j) · s(r, j, p) / E(j, p), C_r the ozone cuts inside the basin can remove. */
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

const text = (en: string, zh: string) => ({ en, zh });
const beijingOnly = { jurisdictions: ['beijing'] };
const othersThanBeijing = { jurisdictions: jurisdictions.filter((j) => j.id !== 'beijing').map((j) => j.id) };
const olympicChanges = [
  { where: { ...beijingOnly, pollutants: ['NOx'] }, fraction: EVIDENCE.olympics.beijingCut.NOx },
  { where: { ...beijingOnly, pollutants: ['VOC'] }, fraction: EVIDENCE.olympics.beijingCut.VOC },
  { where: { ...othersThanBeijing, pollutants: ['NOx'] }, fraction: EVIDENCE.olympics.regionCut.NOx },
];
/** Beijing's 2013-2015 cuts as shares of its 2015 emissions (the same tonnes on every source, ozone-season ones included in proportion). */
const weiFractions = { NOx: EVIDENCE.wei2019.cut.NOx / NOX_2015.beijing, VOC: EVIDENCE.wei2019.cut.VOC / VOC_2015.beijing };

/** The response and hindcast evidence (see 'response-evidence' and the hindcast references). */
function evidenceCases(): EvidenceCase[] {
  const { recent } = EVIDENCE;
  return [
    {
      id: 'attainment', role: 'response', receptor: 'beijing', ref: 'response-evidence',
      name: text('Attainment study: every day below 100 ppb', '达标研究：每日均低于 100 ppb'),
      changes: POLLUTANTS.map((p) => ({ where: { pollutants: [p] }, fraction: EVIDENCE.attainment.cut[p] })),
      observed: {
        level: Number(at298Ppb(EVIDENCE.attainment.levelPpb).toFixed(1)), direction: 'fell',
        note: text(
          'Modelled (CMAQ response surface): BTH NOx −75% and VOC −55% from 2014 bring every day\'s 1-hour maximum in Beijing below 100 ppb, so this statistic too.',
          '模拟（CMAQ 响应曲面）：京津冀 NOx 减 75%、VOC 减 55%（相对 2014 年），北京每日最大 1 小时浓度均低于 100 ppb，本统计量亦然。',
        ),
      },
    },
    {
      id: 'olympics-miyun', role: 'response', receptor: 'beijing', noTitration: true, ref: 'response-evidence',
      name: text('2008 Olympics, downwind at Miyun', '2008 年奥运会，下风向密云'),
      changes: olympicChanges,
      observed: {
        change: -Number(at298Ppb(EVIDENCE.olympics.dropPpb.nominal).toFixed(2)), direction: 'fell',
        note: text(
          'Measured: August daytime ozone at Miyun, a rural site 100 km downwind, 15 ppb lower in 2008, 80% of it from the emission cuts (12 ppb). Read at a site without titration.',
          '实测：2008 年 8 月下风向 100 公里的密云农村站白天臭氧低 15 ppb，其中 80% 来自减排（12 ppb）。按无滴定效应的站点计算。',
        ),
      },
    },
    {
      id: 'beijing-2013-2015', role: 'hindcast', receptor: 'beijing', ref: 'wei2019-beijing',
      name: text('Beijing\'s own cuts, 2013→2015', '北京自身减排，2013→2015 年'),
      changes: POLLUTANTS.map((p) => ({ where: { ...beijingOnly, pollutants: [p] }, fraction: sig(weiFractions[p], 4) })),
      observed: {
        direction: 'rose',
        note: text(
          'Beijing cut NOx 72.1 kt and VOC 41.1 kt; urban ozone rose (WRF-Chem attribution, Wei 2019; measured, this statistic: 224.0 μg/m³ in 2014, 225.9 in 2015 at 273.15 K).',
          '北京削减 NOx 7.21 万吨、VOC 4.11 万吨；城区臭氧上升（Wei 2019 的 WRF-Chem 归因；实测本统计量 2014 年 224.0、2015 年 225.9 μg/m³，273.15 K）。',
        ),
      },
      caveat: text('Only Beijing\'s own cuts; the weather of the two years and other places\' changes are not in the model.', '只含北京自身减排；两年的气象和其他地区的变化不在模型中。'),
    },
    {
      id: 'olympics-urban', role: 'hindcast', receptor: 'beijing', ref: 'hindcast-olympics-urban',
      name: text('2008 Olympics, urban Beijing', '2008 年奥运会，北京城区'),
      changes: olympicChanges,
      observed: {
        direction: 'rose',
        note: text('Measured at three urban sites, 2007-2009: ozone was highest in 2008, despite the controls.', '三个城区站点 2007—2009 年实测：尽管管控，2008 年臭氧仍最高。'),
      },
      caveat: text('The controls lasted weeks and the weather of August 2008 mattered; the model answers for a whole season\'s statistic.', '管控只持续数周，2008 年 8 月的气象影响很大；模型回答的是整个季节的统计量。'),
    },
    {
      id: 'beijing-2015-2021', role: 'hindcast', receptor: 'beijing', ref: 'hindcast-2015-2021',
      name: text('2015→2021, with assumed emission changes', '2015→2021 年（排放变化为假设）'),
      changes: [
        ...POLLUTANTS.map((p) => ({ where: { ...beijingOnly, pollutants: [p] }, fraction: recent.beijing[p] })),
        ...POLLUTANTS.map((p) => ({ where: { ...othersThanBeijing, pollutants: [p] }, fraction: recent.others[p] })),
      ],
      observed: {
        relative: sig(recent.observed.to / recent.observed.from - 1, 3), direction: 'fell',
        note: text(
          'Measured: Beijing\'s 90th percentile of daily maximum 8-hour ozone fell from 183.7 (2015) to 149 μg/m³ (2021), −19%; another statistic, compared as a share.',
          '实测：北京日最大 8 小时臭氧第 90 百分位数由 183.7（2015 年）降至 149 μg/m³（2021 年），降 19%；统计量不同，按比例比较。',
        ),
      },
      caveat: text(
        'Weather, the fall of PM2.5 (which raised ozone by 1-3 ppb a year in 2013-2017) and emissions outside the basin are not in the model; the emission changes are assumed.',
        '气象、PM2.5 下降（2013—2017 年使臭氧每年升高 1—3 ppb）和区域外排放不在模型中；排放变化为假设。',
      ),
    },
  ];
}

/** The titration share above which Beijing's 2013-2015 cuts raise its ozone in this model (Wei 2019's observed sign). */
export const titrationThreshold = () => weiFractions.VOC / weiFractions.NOx;

function uncertainty(openRange: { low: number; high: number }): UncertainInput[] {
  const input = (id: string, en: string, zh: string, rest: Omit<UncertainInput, 'id' | 'name'>): UncertainInput => ({ id, name: { en, zh }, ...rest });
  const factor = { nominal: 1, unit: '×' };
  const baseline = BASELINE.beijing;
  const dropUg = (ppb: number) => -Number(at298Ppb(ppb).toFixed(2));
  return [
    input('response', 'Response evidence: attainment study (0) to Olympics (1)', '响应依据：达标研究（0）至奥运会（1）', {
      effect: 'response', nominal: RESPONSE_POSITION, low: 0, high: 1, scale: 'linear', unit: '', adjustable: true, ref: 'response-evidence',
    }),
    input('olympic-drop', 'Olympic ozone drop at Miyun', '奥运期间密云臭氧下降', {
      effect: 'evidence', where: { evidence: ['olympics-miyun'] }, nominal: dropUg(EVIDENCE.olympics.dropPpb.nominal),
      low: dropUg(EVIDENCE.olympics.dropPpb.high), high: dropUg(EVIDENCE.olympics.dropPpb.low), scale: 'linear', unit: 'μg/m³', ref: 'evidence-ranges',
    }),
    input('attainment-cut', 'Cuts the attainment study needs', '达标研究所需减排', {
      effect: 'evidenceCut', where: { evidence: ['attainment'] }, ...factor, low: EVIDENCE.attainment.cutRange[0], high: EVIDENCE.attainment.cutRange[1], scale: 'linear', ref: 'evidence-ranges',
    }),
    input('beijing-own', "Beijing's own share of its ozone", '北京本地排放对其臭氧的贡献', {
      effect: 'ownShare', where: { receptors: ['beijing'] }, nominal: OWN_SHARE.beijing, low: 0.35, high: 0.8, scale: 'linear', unit: '', adjustable: true, ref: 'apportionment-beijing',
    }),
    input('nox-weight', 'NOx weight against VOC', 'NOx 相对 VOC 的权重', {
      effect: 'coefficient', where: { pollutants: ['NOx'], sign: 'positive' }, nominal: NOX_TO_VOC, low: 0.5, high: 3, scale: 'log', unit: '', ref: 'regime',
    }),
    input('titration', 'NOx titration in city cores', '城市核心区 NOx 滴定效应', {
      effect: 'coefficient', where: { pollutants: ['NOx'], sign: 'negative' }, nominal: TITRATION.nominal,
      low: Math.ceil(titrationThreshold() * 100) / 100, high: TITRATION.high, scale: 'linear', unit: '', ref: 'titration-wei2019',
    }),
    input('background', 'Background ozone', '本底臭氧', {
      effect: 'background', nominal: BACKGROUND, low: at298Ppb(BACKGROUND_PPB.low), high: at298Ppb(BACKGROUND_PPB.high), scale: 'linear', unit: 'μg/m³', ref: 'background-lu2019',
    }),
    input('baseline-beijing', "Beijing's baseline ozone", '北京基准臭氧', {
      effect: 'baseline', where: { receptors: ['beijing'] }, nominal: baseline,
      low: Number((baseline * (1 - BASELINE_RANGE)).toFixed(1)), high: Number((baseline * (1 + BASELINE_RANGE)).toFixed(1)), scale: 'linear', unit: 'μg/m³', ref: 'baseline-beijing',
    }),
    input('costs', 'All step costs', '全部措施成本', { effect: 'cost', ...factor, low: 0.5, high: 2, scale: 'log', adjustable: true, ref: 'cost-ranges' }),
    input('beijing-cost', "Beijing's cost multiplier", '北京成本倍数', {
      effect: 'cost', where: beijingOnly, ...factor, low: 1, high: 3, scale: 'log', adjustable: true, ref: 'beijing-cost-multiplier',
    }),
    input('beijing-open', "Beijing's control potential still open", '北京尚未采用的减排潜力', {
      effect: 'stepShare', where: beijingOnly, ...factor, low: openRange.low, high: openRange.high, scale: 'linear', ref: 'beijing-used-steps',
    }),
    input('industry-voc', 'Industrial and solvent VOC inventory', '工业与溶剂 VOC 清单', {
      effect: 'emissions', where: { sectors: ['industry', 'solvent'], pollutants: ['VOC'] }, ...factor, low: 0.68, high: 1.48, scale: 'linear', ref: 'emission-ranges',
    }),
    input('other-voc', 'Other VOC inventory (transport, non-road, residential)', '其他 VOC 清单（交通、非道路、民用）', {
      effect: 'emissions', where: { sectors: ['transport', 'nonroad', 'residential'], pollutants: ['VOC'] }, ...factor, low: 0.6, high: 1.6, scale: 'linear', ref: 'emission-ranges',
    }),
    input('industry-nox', 'Industrial and power NOx inventory', '工业与电力 NOx 清单', {
      effect: 'emissions', where: { sectors: ['industry', 'power'], pollutants: ['NOx'] }, ...factor, low: 0.7, high: 1.3, scale: 'linear', ref: 'emission-ranges',
    }),
    input('transport-nox', 'Road transport NOx inventory', '道路交通 NOx 清单', {
      effect: 'emissions', where: { sectors: ['transport'], pollutants: ['NOx'] }, ...factor, low: 0.7, high: 1.3, scale: 'linear', ref: 'emission-ranges',
    }),
    input('nonroad-nox', 'Non-road and residential NOx inventory', '非道路与民用 NOx 清单', {
      effect: 'emissions', where: { sectors: ['nonroad', 'residential'], pollutants: ['NOx'] }, ...factor, low: 0.5, high: 1.5, scale: 'linear', ref: 'emission-ranges',
    }),
    damageInput,
  ];
}

/** The dataset before its response scale is set (k = 1): what the evidence is read against. */
function unscaled(): Dataset {
  const sources = buildSources();
  const emissions = emissionTable(sources);
  return {
    format: 'airshed-dataset',
    formatVersion: 1,
    meta: {
      id: 'bth-ozone',
      title: { en: 'Beijing-Tianjin-Hebei ozone control, grounded in the literature', zh: '京津冀臭氧控制（基于文献的数据集）' },
      version: '3.1.0',
      description: { en: '', zh: '' },
      license: 'CC BY 4.0 (this compilation); figures belong to their cited sources',
      provenance:
        'The research behind Airshed published its results but not its inputs. This dataset rebuilds the inputs from the literature for one base year (2015) and the ozone season, holds every concentration to one convention (298.15 K, GB 3095-2012 as amended in 2018), names its ozone statistic (the 90th percentile of the daily maximum 1-hour value), says for every number whether it is published, derived or assumed, and gives each assumed or derived group a range. Its response scale is read from two observed responses of ozone to emission cuts, in every draw, and it carries a hindcast of three more. It is compared with the published headline, not fitted to it.',
      references: { ...groundedReferences, ...damageReferences, ...transferReferences },
      publishedResult: { receptor: PUBLISHED.receptor, target: PUBLISHED.target, local: PUBLISHED.local, regional: PUBLISHED.regional, ref: 'headline' },
      observedTransfers,
    },
    units: {
      ...UNITS,
      statistic: {
        en: '90th percentile of the daily maximum 1-hour ozone over the year',
        zh: '全年日最大 1 小时臭氧浓度的第 90 百分位数',
      },
    },
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
    coefficients: coefficients(1, emissions),
    coefficientsRef: 'response-evidence',
    standards: { grade2OneHour: 200, publishedTarget: PUBLISHED.target, sweep: PUBLISHED.sweep, range: { min: 160, max: 210 }, ref: 'standard' },
    defaults: { target: PUBLISHED.target, receptors: ['beijing'] },
    uncertainty: uncertainty(beijingOpenRange()),
    evidence: evidenceCases(),
  };
}

/** The response scale each response case alone implies, and the one used (their geometric mean). */
export function responseFactors(dataset = unscaled()): { k: number; attainment: number; olympics: number } {
  return { k: responseScale(dataset, RESPONSE_POSITION), attainment: responseScale(dataset, 0), olympics: responseScale(dataset, 1) };
}

export function buildGrounded(): Dataset {
  const dataset = unscaled();
  const { k, attainment, olympics } = responseFactors(dataset);
  dataset.coefficients = dataset.coefficients.map((row) => row.map((cell) => cell.map((a) => sig(a * k))));
  dataset.responseRange = { low: sig(RESPONSE_RANGE.low / k, 4), high: sig(RESPONSE_RANGE.high / k, 4), ref: 'response-evidence' };
  const f = (x: number) => sig(x, 2);
  dataset.meta.description = {
    en: `Built from published figures for 2015 and stated assumptions; nothing is fitted to the published costs. Concentrations at 298.15 K; the target statistic is the 90th percentile of the daily maximum 1-hour ozone (Beijing 2015: ${BASELINE.beijing} μg/m³, measured). Ozone-season emissions from one inventory family, costs from published unit costs (Beijing's used steps removed), source-receptor weights from tagging studies, and a response scale k = ${f(k)} read from an attainment study (${f(attainment)}) and the 2008 Olympics (${f(olympics)}), which bracket it. Every input group carries a range; the evidence is re-read in every draw.`,
    zh: `依据 2015 年的公开数据和明示的假设构建，不拟合已发表的成本。浓度按 298.15 K 表示；目标统计量为全年日最大 1 小时臭氧浓度的第 90 百分位数（北京 2015 年实测 ${BASELINE.beijing} μg/m³）。臭氧季排放取自同一清单体系，成本取自公开的单位成本（已扣除北京用过的措施），源-受体权重取自源解析研究，响应系数 k = ${f(k)} 由达标研究（${f(attainment)}）与 2008 年奥运会（${f(olympics)}）两项证据夹定。每组输入都给出不确定范围，每次抽样都重新依据证据定标。`,
  };
  return dataset;
}
