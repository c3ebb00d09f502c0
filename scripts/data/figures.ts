/**
 * The public figures and stated assumptions the default dataset is built from.
 * Every value names its reference key; `references` says what each key is.
 */
import type { Reference, Units } from '../../src/model/types';
import { REFERENCE_TEMPERATURE_K, ugPerPpbAt } from '../../src/model/units';

export const references: Record<string, Reference> = {
  'stat-yearbooks-2015': {
    kind: 'published',
    text: 'Population (year-end resident, 10⁴ persons) and GDP (10⁸ yuan, current prices) for 2015: Beijing and Tianjin Statistical Yearbooks 2016, Hebei Economic Yearbook 2016; rounded.',
  },
  'env-statistics-2012-nox': {
    kind: 'published',
    text: 'NOx emissions 2012 by province (10⁴ t): Beijing 17.75, Tianjin 33.42, Hebei 176.11 (China Statistical Yearbook on Environment 2013). Sum 2.27 Mt, matching the BTH total implied by vehicle NOx of 682 kt being 30% of all NOx.',
  },
  'vehicle-nox-shares-2012': {
    kind: 'published',
    text: 'Vehicles emitted 682 kt NOx in BTH in 2012, 30% of the total; about 45% of Beijing\'s NOx, 16% of Tianjin\'s and 31% of Hebei\'s; industry 68.4% of BTH NOx.',
  },
  'li2019-voc': {
    kind: 'published',
    text: 'Li J. et al. (2019) Verification of anthropogenic VOC emission inventory through ambient measurements and satellite retrievals, Atmos. Chem. Phys. 19, 5905: BTH anthropogenic VOC 2015 = 3,277.66 Gg.',
    url: 'https://doi.org/10.5194/acp-19-5905-2019',
  },
  'zheng2019-industry': {
    kind: 'published',
    text: 'Zheng B. et al. (2019) Atmos. Chem. Phys. 19, 3447: BTH 2014 industrial NOx 1,164 kt (55% of all sources) and NMVOC 1,390 kt (36%).',
    url: 'https://doi.org/10.5194/acp-19-3447-2019',
  },
  'hebei-industrial-voc-2015': {
    kind: 'published',
    text: 'Hebei industrial VOC 2015: 1,018 kt, over half from solvent and VOC-containing product use (Atmosphere 12(5):530, 2021).',
    url: 'https://doi.org/10.3390/atmos12050530',
  },
  'lang2013-vehicle-voc': {
    kind: 'published',
    text: 'Vehicle NMVOC 2010: Beijing 78.9 kt, Tianjin 41.9 kt, Hebei 139.8 kt (Lang J. et al., 2013).',
  },
  'assumed-voc-province-split': {
    kind: 'assumed',
    text: 'Provincial split of the BTH VOC total: Beijing 12%, Tianjin 15%, Hebei 73%. Chosen so Hebei\'s published industrial VOC (1,018 kt) is 43% of its total, near the 36% regional industrial share (Zheng 2019). No public provincial split was used.',
  },
  'assumed-sector-split': {
    kind: 'assumed',
    text: 'Sector shares not published as such (NOx power/industry/residential; VOC industry/solvent/residential in Beijing and Tianjin) are assumptions chosen to respect the published vehicle shares and the ~68% industrial NOx share.',
  },
  'proxy-hebei-cities': {
    kind: 'derived',
    text: 'Hebei\'s provincial totals are split over its 11 prefecture-level cities by proxy: power, industry and solvent emissions by each city\'s share of Hebei GDP (proxy for industrial output), transport and residential emissions by share of population. No public per-city split was found.',
  },
  'cost-power-nox': {
    kind: 'derived',
    text: 'Coal power NOx: step 1 SCR running cost 4.8-8.6 yuan/MWh at about 1 kg NOx removed per MWh = about 6,700 yuan/t (derived); step 2 ultra-low-emission retrofit about 23,500 yuan/t (published); step 3 beyond ultra-low assumed at 2x step 2.',
  },
  'cost-voc': {
    kind: 'derived',
    text: 'VOC end-of-pipe: furniture-industry average 5,363 yuan/t, trading reference 7,884 yuan/t, low-concentration floor 8,000 yuan/t (published); tighter steps assumed at 2x and 4x the floor.',
  },
  'cost-assumed': {
    kind: 'assumed',
    text: 'Step curves for industrial, transport and residential NOx and for transport and residential VOC are assumptions scaled from the published power and VOC costs (rising step by step: a convex cost curve). Removable shares per step are assumptions.',
  },
  'calibrated-beijing-costs': {
    kind: 'calibrated',
    text: 'Beijing\'s control steps: only 40% of each sector step is still open (assumed: its cheaper measures were taken before the study year), at the sector costs times a calibrated multiplier (what remains costs more: land, labour, deeper measures); the multiplier is fitted so local control at 196.7 μg/m³ costs the published 2.046 bn yuan/yr.',
  },
  'background-floor': {
    kind: 'assumed',
    text: 'Background ozone: 45% of each receptor\'s baseline peak is taken to come from outside the basin and from natural precursors (upper end of the 13-45% outside-region share published for PM2.5, 2015). No cut inside the basin lowers ozone below it; the linear coefficients are not used past that floor.',
  },
  'kernel': {
    kind: 'calibrated',
    text: 'Source-receptor coefficients from a reduced-form kernel (scripts/data/kernel.ts): distance decay exp(-d/L), a prevailing summer south-south-westerly flow (sources to the SSW of a receptor weigh more), NOx titration in the VOC-limited cores of Beijing and Tianjin (a negative own-NOx coefficient), scaled by a calibrated ozone-per-tonne factor so regional control at 196.7 μg/m³ costs the published 0.572 bn yuan/yr.',
  },
  'baseline-beijing': {
    kind: 'assumed',
    text: 'Beijing\'s baseline peak 1-hour ozone is set at 225 μg/m³: above the 218 μg/m³ start of the published sweep, as the publication requires; the exact value is not published.',
  },
  'baseline-illustrative': {
    kind: 'assumed',
    text: 'Baseline peak 1-hour ozone at receptors other than Beijing: illustrative values in the range observed in the basin, not calibrated; use them to explore, not to cite.',
  },
  'headline': {
    kind: 'published',
    text: 'Published headline: to bring Beijing\'s peak ozone to 196.7 μg/m³, local control costs 2.046 bn yuan/yr and regional joint control 0.572 bn yuan/yr; sweep 218 to 163 μg/m³.',
  },
  'standard': {
    kind: 'published',
    text: 'China Ambient Air Quality Standard GB 3095-2012, grade II 1-hour ozone limit 200 μg/m³. The published target (196.7 μg/m³) and sweep (218 to 163 μg/m³) are from the headline reference.',
  },
  'ppb-conversion': {
    kind: 'derived',
    text: 'Concentrations are stated at 298.15 K (25 °C) and 101.325 kPa, the reference state of GB 3095-2012 for gaseous pollutants since 1 September 2018 (Ministry of Ecology and Environment and State Administration for Market Regulation, announcement of 13 August 2018; the limit values are unchanged). Ozone 1 ppb = 47.998 g/mol / 24.465 L/mol = 1.962 μg/m³ at that state (2.141 μg/m³ at 273.15 K, the standard state used before). Figures published at 273.15 K are multiplied by 273.15 / 298.15 = 0.9161.',
  },
};

/** The one concentration convention both bundled datasets are held to. */
export const UNITS: Units = {
  emissions: 't/yr', cost: 'yuan/t', ozone: 'ug/m3', coefficient: 'ug/m3 per t/yr',
  ugPerPpb: Number(ugPerPpbAt(REFERENCE_TEMPERATURE_K).toFixed(4)),
  referenceTemperatureK: REFERENCE_TEMPERATURE_K,
  ref: 'ppb-conversion',
};

export interface JurisdictionFigures {
  id: string;
  zh: string;
  en: string;
  province: 'beijing' | 'tianjin' | 'hebei';
  seat: [number, number];
  /** 10^4 persons, 2015. */
  population: number;
  /** 10^8 yuan, 2015. */
  gdp: number;
  baseline: number;
}

export const jurisdictions: JurisdictionFigures[] = [
  { id: 'beijing', zh: '北京', en: 'Beijing', province: 'beijing', seat: [116.4, 39.9], population: 2171, gdp: 23015, baseline: 225 },
  { id: 'tianjin', zh: '天津', en: 'Tianjin', province: 'tianjin', seat: [117.2, 39.13], population: 1547, gdp: 16538, baseline: 212 },
  { id: 'shijiazhuang', zh: '石家庄', en: 'Shijiazhuang', province: 'hebei', seat: [114.51, 38.04], population: 1070, gdp: 5441, baseline: 218 },
  { id: 'tangshan', zh: '唐山', en: 'Tangshan', province: 'hebei', seat: [118.18, 39.63], population: 780, gdp: 6103, baseline: 214 },
  { id: 'qinhuangdao', zh: '秦皇岛', en: 'Qinhuangdao', province: 'hebei', seat: [119.6, 39.94], population: 307, gdp: 1250, baseline: 188 },
  { id: 'handan', zh: '邯郸', en: 'Handan', province: 'hebei', seat: [114.54, 36.63], population: 943, gdp: 3145, baseline: 216 },
  { id: 'xingtai', zh: '邢台', en: 'Xingtai', province: 'hebei', seat: [114.5, 37.07], population: 729, gdp: 1765, baseline: 214 },
  { id: 'baoding', zh: '保定', en: 'Baoding', province: 'hebei', seat: [115.46, 38.87], population: 1155, gdp: 3000, baseline: 220 },
  { id: 'zhangjiakou', zh: '张家口', en: 'Zhangjiakou', province: 'hebei', seat: [114.89, 40.82], population: 442, gdp: 1364, baseline: 180 },
  { id: 'chengde', zh: '承德', en: 'Chengde', province: 'hebei', seat: [117.96, 40.95], population: 353, gdp: 1359, baseline: 192 },
  { id: 'cangzhou', zh: '沧州', en: 'Cangzhou', province: 'hebei', seat: [116.84, 38.3], population: 744, gdp: 3241, baseline: 206 },
  { id: 'langfang', zh: '廊坊', en: 'Langfang', province: 'hebei', seat: [116.68, 39.54], population: 456, gdp: 2474, baseline: 220 },
  { id: 'hengshui', zh: '衡水', en: 'Hengshui', province: 'hebei', seat: [115.67, 37.74], population: 443, gdp: 1220, baseline: 208 },
];

export const provinces = [
  { id: 'beijing', zh: '北京市', en: 'Beijing' },
  { id: 'tianjin', zh: '天津市', en: 'Tianjin' },
  { id: 'hebei', zh: '河北省', en: 'Hebei' },
];

export const sectors = [
  { id: 'power', zh: '电力', en: 'Power' },
  { id: 'industry', zh: '工业', en: 'Industry' },
  { id: 'solvent', zh: '溶剂使用', en: 'Solvent use' },
  { id: 'transport', zh: '交通', en: 'Transport' },
  { id: 'residential', zh: '民用及其他', en: 'Residential & other' },
];

export const pollutants = [
  { id: 'NOx', zh: '氮氧化物', en: 'NOx' },
  { id: 'VOC', zh: '挥发性有机物', en: 'VOC' },
];

type Province = JurisdictionFigures['province'];
type SplitRow = { sector: string; pollutant: 'NOx' | 'VOC'; tonnes: Record<Province, number>; ref: string; proxy: 'gdp' | 'population' };

const NOX_2012: Record<Province, number> = { beijing: 177_500, tianjin: 334_200, hebei: 1_761_100 };
const VOC_2015_TOTAL = 3_277_660;
const VOC_SPLIT: Record<Province, number> = { beijing: 0.12, tianjin: 0.15, hebei: 0.73 };
const voc = (p: Province) => VOC_2015_TOTAL * VOC_SPLIT[p];
const HEBEI_INDUSTRIAL_VOC = 1_018_000;
/** "Over half" of Hebei's industrial VOC is solvent and product use. */
const HEBEI_SOLVENT_SHARE = 0.52;
const VEHICLE_VOC: Record<Province, number> = { beijing: 78_900, tianjin: 41_900, hebei: 139_800 };
const nox = (shares: Record<Province, number>) =>
  Object.fromEntries(Object.entries(shares).map(([p, s]) => [p, NOX_2012[p as Province] * s])) as Record<Province, number>;

/** Provincial emissions by sector and pollutant (t/yr), with the proxy used to split Hebei's cities. */
export const provincialEmissions: SplitRow[] = [
  { sector: 'transport', pollutant: 'NOx', tonnes: nox({ beijing: 0.45, tianjin: 0.16, hebei: 0.31 }), ref: 'vehicle-nox-shares-2012', proxy: 'population' },
  { sector: 'power', pollutant: 'NOx', tonnes: nox({ beijing: 0.12, tianjin: 0.3, hebei: 0.18 }), ref: 'assumed-sector-split', proxy: 'gdp' },
  { sector: 'industry', pollutant: 'NOx', tonnes: nox({ beijing: 0.33, tianjin: 0.48, hebei: 0.48 }), ref: 'assumed-sector-split', proxy: 'gdp' },
  { sector: 'residential', pollutant: 'NOx', tonnes: nox({ beijing: 0.1, tianjin: 0.06, hebei: 0.03 }), ref: 'assumed-sector-split', proxy: 'population' },
  { sector: 'transport', pollutant: 'VOC', tonnes: VEHICLE_VOC, ref: 'lang2013-vehicle-voc', proxy: 'population' },
  {
    sector: 'industry', pollutant: 'VOC', proxy: 'gdp', ref: 'hebei-industrial-voc-2015',
    tonnes: { beijing: voc('beijing') * 0.15, tianjin: voc('tianjin') * 0.35, hebei: HEBEI_INDUSTRIAL_VOC * (1 - HEBEI_SOLVENT_SHARE) },
  },
  {
    sector: 'solvent', pollutant: 'VOC', proxy: 'gdp', ref: 'hebei-industrial-voc-2015',
    tonnes: { beijing: voc('beijing') * 0.35, tianjin: voc('tianjin') * 0.3, hebei: HEBEI_INDUSTRIAL_VOC * HEBEI_SOLVENT_SHARE },
  },
];
// Residential & other VOC closes each province's VOC total.
provincialEmissions.push({
  sector: 'residential', pollutant: 'VOC', proxy: 'population', ref: 'assumed-voc-province-split',
  tonnes: Object.fromEntries((['beijing', 'tianjin', 'hebei'] as Province[]).map((p) => [
    p, voc(p) - provincialEmissions.filter((row) => row.pollutant === 'VOC').reduce((sum, row) => sum + row.tonnes[p], 0),
  ])) as Record<Province, number>,
});

/** Cost curves per sector and pollutant: [share of base emissions, yuan/t] per step. */
export const costCurves: Record<string, { steps: [number, number][]; ref: string }> = {
  'power.NOx': { steps: [[0.2, 6_700], [0.25, 23_500], [0.15, 47_000]], ref: 'cost-power-nox' },
  'industry.NOx': { steps: [[0.2, 12_000], [0.2, 23_500], [0.15, 50_000]], ref: 'cost-assumed' },
  'transport.NOx': { steps: [[0.15, 30_000], [0.15, 60_000], [0.1, 120_000]], ref: 'cost-assumed' },
  'residential.NOx': { steps: [[0.2, 20_000], [0.2, 45_000], [0.1, 90_000]], ref: 'cost-assumed' },
  'industry.VOC': { steps: [[0.2, 5_363], [0.2, 8_000], [0.15, 16_000], [0.1, 32_000]], ref: 'cost-voc' },
  'solvent.VOC': { steps: [[0.25, 5_363], [0.2, 7_884], [0.15, 16_000], [0.1, 32_000]], ref: 'cost-voc' },
  'transport.VOC': { steps: [[0.15, 20_000], [0.15, 45_000], [0.1, 90_000]], ref: 'cost-assumed' },
  'residential.VOC': { steps: [[0.15, 10_000], [0.15, 25_000], [0.1, 60_000]], ref: 'cost-assumed' },
};

export const PUBLISHED = { receptor: 'beijing', target: 196.7, local: 2.046e9, regional: 0.572e9, sweep: { from: 218, to: 163 } };
