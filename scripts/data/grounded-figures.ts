/**
 * Figures for the literature-grounded default dataset (2.x). Every value names a reference key
 * in `groundedReferences`; each reference says whether it is published (seen in the source),
 * derived (arithmetic on published figures, shown) or assumed (ours, with the reason).
 * Base year 2015; emissions annual (t/yr); costs yuan per annual tonne removed.
 */
import type { Reference } from '../../src/model/types';
import { references as shared } from './figures';

/** References both bundled datasets cite, kept in one place (figures.ts). */
const SHARED = ['stat-yearbooks-2015', 'standard', 'ppb-conversion'];

export const groundedReferences: Record<string, Reference> = {
  ...Object.fromEntries(SHARED.map((key) => [key, shared[key]])),
  'wei2019-beijing': {
    kind: 'published',
    text: 'Wei W., Li Y., Ren Y., Cheng S., Han L. (2019) Sensitivity of summer ozone to precursor emission change over Beijing during 2010-2015: a WRF-Chem modeling study, Atmospheric Environment 218: 116984. Beijing anthropogenic emissions: NOx 238.3 kt (2013), 166.2 kt (2015); VOC 231.8 kt (2013), 190.7 kt (2015). The 2013-2015 cuts raised ozone in urban and northern suburban Beijing and lowered it in the southern suburbs and northern rural areas.',
  },
  'li2019-voc': {
    kind: 'published',
    text: 'Li J., Hao Y., Simayi M., Shi Y., Xi Z., Xie S. (2019) Verification of anthropogenic VOC emission inventory through ambient measurements and satellite retrievals, Atmos. Chem. Phys. 19: 5905: BTH anthropogenic VOC 2015 = 3,277.66 Gg.',
    url: 'https://doi.org/10.5194/acp-19-5905-2019',
  },
  'wang2021-voc': {
    kind: 'published',
    text: 'Wang Y., Wei W., Ren Y., Wang X., Chen S., Cheng S. (2021) 环境科学, doi:10.13227/j.hjkx.202010006: BTH VOC 2,073.4 kt in 2015, 37% below Li et al. (2019); the range of VOC totals uses both.',
    url: 'https://doi.org/10.13227/j.hjkx.202010006',
  },
  'zheng2019-industry': {
    kind: 'derived',
    text: 'Zheng H. et al. (2019) Atmos. Chem. Phys. 19: 3447 (published): BTH 2014 industrial NOx 1,164 kt = 55% of all sources (power plants, boilers, steel, cement and other industry). All-source NOx 1,164 / 0.55 = 2,116 kt (derived); Tianjin plus Hebei = 2,116 kt less Beijing 2014 (200 kt, between Wei 2019\'s 2013 and 2015 figures) = 1,916 kt, used for 2015 (a 2014 figure: the emissions range covers the one-year gap).',
    url: 'https://doi.org/10.5194/acp-19-3447-2019',
  },
  'assumed-tianjin-share': {
    kind: 'assumed',
    text: 'Tianjin\'s share of the Tianjin plus Hebei totals: NOx 15.5%, VOC 11.7% (360 kt of the 3,087 kt Li et al. leave after Beijing). No published provincial split was seen; Tianjin\'s heavy industry and port put it between its population share (15%) and its share of official NOx statistics.',
  },
  'hebei-industrial-voc-2015': {
    kind: 'published',
    text: 'Estimation and Prediction of Industrial VOC Emissions in Hebei Province, China, Atmosphere 12(5): 530 (2021): Hebei industrial VOC 2015 = 1,017.79 kt, more than half from the use of VOC-containing products (here: solvent use 52%, process industry 48%).',
    url: 'https://doi.org/10.3390/atmos12050530',
  },
  'duan2018-steel': {
    kind: 'published',
    text: 'Duan W., Lang J., Cheng S., Jia J., Wang X. (2018) 京津冀地区钢铁行业污染物排放清单及对PM2.5影响, 环境科学 39(4): 1445-1454: BTH iron and steel 2015 NOx 272.3 kt, VOC 265.3 kt. Steel\'s share of annual PM2.5: Tangshan 41.2%, Qinhuangdao 19.3%, Shijiazhuang 15.3%, Handan 15.1%. Here 90% of BTH steel emissions are placed in Hebei (assumed: Beijing\'s Shougang moved to Tangshan by 2010; Tianjin has some steel).',
  },
  'assumed-steel-cities': {
    kind: 'assumed',
    text: 'Hebei steel emissions are placed by approximate shares of crude-steel capacity: Tangshan 45%, Handan 18%, Shijiazhuang, Xingtai and Chengde 6% each, Qinhuangdao 5%, Cangzhou and Langfang 4% each, Zhangjiakou 3%, Hengshui 2%, Baoding 1%. Approximations from the industry\'s known geography (Duan 2018 ranks the same cities by steel\'s PM2.5 share); no city capacity table was confirmed.',
  },
  'proxy-hebei-cities': {
    kind: 'derived',
    text: 'Hebei\'s other emissions are split over its 11 cities by proxy: power, non-steel industry and solvent use by each city\'s share of Hebei GDP (a proxy for industrial output), transport, non-road and residential by its share of population (2015 yearbooks). A proxy, not a city inventory: the emissions range covers it.',
  },
  'chen2016-chengde': {
    kind: 'published',
    text: 'Chen G. et al. (2016) 承德市大气污染源排放清单, 环境科学 37(11): 4069-4079: Chengde 2013 NOx 72,556 t (industry 51.9%, road 26.7%, non-road 10.8%), VOC 170,642 t (industry 45.6%). Used as the check on Hebei\'s NOx sector shares.',
  },
  'assumed-sector-shares': {
    kind: 'assumed',
    text: 'Sector shares of each province\'s NOx and VOC (no sector table was confirmed for 2015): NOx Beijing transport 38%, non-road 15%, industry 17%, power 12%, residential and commercial heating 18%; Tianjin industry 50%, power 20%, transport 16% (the 2012 vehicle share), non-road 10%, residential 4%; Hebei industry 52%, power 10%, transport 27%, non-road 8%, residential 3% (Chengde 2013: industry 51.9%, road 26.7%, non-road 10.8%). Industry plus power is then 60% of BTH NOx, near Zheng 2019\'s 55%. VOC Beijing transport 30%, solvent 30%, industry 15%, non-road 3%, residential and other 22%; Tianjin industry 35%, solvent 30%, transport 12%, non-road 3%, residential 20%; Hebei transport 150 kt (vehicle NMVOC 139.8 kt in 2010, Lang 2013), non-road 40 kt, the rest residential and other.',
  },
  'season-heating': {
    kind: 'assumed',
    text: 'Ozone season (May-September): heating-season sources are dropped (residential and commercial heating NOx; half of Beijing\'s and Tianjin\'s residential VOC and 85% of Hebei\'s residential and other VOC, which is mostly scattered coal and biomass burned for heat: Shi Y. 2020, Atmos. Chem. Phys. 20: 9351). The remaining sources are taken to emit evenly through the year, so their May-September share (5/12) is the same for all and folds into the response factor; emissions and costs stay annual.',
  },
  'nonroad': {
    kind: 'derived',
    text: 'Non-road mobile sources (construction and farm machinery, shipping, rail) are a sector of their own, sized from Chengde\'s published 10.8% of NOx (Chen 2016) and the provincial shares above.',
  },
  'beijing-open-share': {
    kind: 'derived',
    text: 'Beijing\'s remaining control potential: its 2013-2015 cuts (NOx 72.1 kt, VOC 41.1 kt; Wei 2019) used part of the same cost curves measured from 2013 emissions, so the share of each step still open is 1 - cut / (2013 emissions x the curve\'s total share), per pollutant. Its 2013-2017 Clean Air Action cut NOx 116 kt and VOC 97 kt in all (Atmosphere 11(2): 189, 2020), so more was taken after 2015.',
  },
  'beijing-cost-multiplier': {
    kind: 'assumed',
    text: 'Beijing\'s remaining measures cost 3x the sector cost (land, labour, deeper measures on already-controlled sources). Bracketed by the VOC pollution charges: Beijing 20 yuan/kg against Tianjin 10 (2x) and Hebei 2.4-4.8 (4-8x); range 1-8x.',
  },
  'cost-power-nox': {
    kind: 'derived',
    text: 'Coal power NOx. SCR running cost 4.8-8.6 yuan/MWh across 300-1,000 MW units (Yang H. et al. 2017, 浙江大学学报(工学版) 51(2): 363-369, published) at about 1 kg NOx removed per MWh (400 mg/m³ inlet, about 80% removal: derived) is 4,800-8,600 yuan/t; with capital recovery the first step (deeper SCR on remaining units) is taken at 12,000 yuan/t. Ultra-low-emission retrofits at 23,500 yuan/t and fuel switching at 60,000 yuan/t are assumed.',
  },
  'cost-voc': {
    kind: 'derived',
    text: 'VOC end-of-pipe control: average 5,363 yuan/t per year and trading reference 7,884 yuan/t (Yuan Y. et al. 2017, 环境科学学报 37(12): 4807-4814, furniture industry in Shunde, Guangdong: published, outside BTH); low-concentration exhaust above 8 yuan/kg = 8,000 yuan/t (Qiang N. et al. 2020, 环境科学 41(2): 638-646, published). Deeper steps at 16,000 and 40,000 yuan/t and production curtailment at 120,000 yuan/t are assumed.',
  },
  'cost-vehicles': {
    kind: 'derived',
    text: 'Vehicles: yellow-label scrappage 2008-2015 in BTH cost 13.69 bn yuan and cut NOx 174.44 kt and HC 91.64 kt (Zhou J. et al. 2019, Journal of Cleaner Production, published): 51,000 yuan per tonne of NOx plus HC, 78,500 per tonne if all is charged to NOx (derived). Traffic restriction at 200,000 yuan/t and evaporative control at 20,000 yuan/t are assumed.',
  },
  'cost-assumed': {
    kind: 'assumed',
    text: 'Step curves for industrial and non-road NOx and for non-road and residential VOC are assumptions scaled from the published power, vehicle and VOC costs, rising step by step (a convex cost curve) up to production curtailment or use restrictions, the kind of measures the 2008 Olympics used (Beijing cut NOx 47% and NMVOC 57% for weeks: Wang S. et al. 2010, Environ. Sci. Technol. 44: 2490). Removable shares per step are assumptions.',
  },
  'baseline-beijing': {
    kind: 'derived',
    text: 'Beijing baseline 230 μg/m³, the 90th percentile of daily maximum 1-hour ozone in 2015: the 90th-percentile 8-hour value was about 202 μg/m³ (the 2016 bulletin\'s 199 μg/m³ was 1.5% below 2015: derived from a press report of the bulletin) times an assumed 1-hour/8-hour ratio of 1.14. Range 210-260.',
  },
  'baseline-others': {
    kind: 'assumed',
    text: 'Baselines at the other receptors: the 90th-percentile 8-hour ozone of the 2+26 cities spanned 96-202 μg/m³ in 2015 (National Joint Research Center for Air Pollution Control); the values here are illustrative within that span times 1.14, not city measurements. Explore with them; do not cite them.',
  },
  'background-lu2019': {
    kind: 'derived',
    text: 'Background ozone (no Chinese anthropogenic emissions): 44.5 ppbv, 80% of the May-August mean MDA8 over China (Lu X. et al. 2019, Atmos. Chem. Phys. 19: 8339, published) = 87.5 μg/m³ (derived), used at every receptor. A national 8-hour mean used for a 1-hour peak: the range 80-120 μg/m³ covers it.',
    url: 'https://doi.org/10.5194/acp-19-8339-2019',
  },
  'apportionment-beijing': {
    kind: 'derived',
    text: 'Where Beijing\'s ozone comes from. Outside Beijing: 35-60% of ozone in high-ozone episodes (Streets D. et al. 2007, Atmospheric Environment 41: 480, published); during southerly flow Hebei gives 20-30% (Streets 2007). Summer 2017, North China Plain: local emissions 25% and regional transport 39% of ozone (Zhang Y. et al. 2020, Atmosphere 11: 992, published). So Beijing\'s own share of the ozone that cuts inside the basin can remove is taken as 50% (range 35-80%); the rest is shared by the other jurisdictions by emissions, distance and the summer southerly flow (kernel below).',
  },
  'kernel-weights': {
    kind: 'assumed',
    text: 'Weights of the other jurisdictions at a receptor: ozone-forming emissions x exp(-distance / 150 km) x (1 + 0.6 cos(bearing - 190°)), a south-southerly summer flow. At receptors other than Beijing the own share is set to 50% (assumed, no tagging study used). 15% of each receptor\'s anthropogenic ozone is taken to come from outside the basin (Shandong, Henan and beyond: assumed from the tagging studies above) and is beyond any cut here.',
  },
  'regime': {
    kind: 'published',
    text: 'Ozone regime: urban Beijing, Tianjin and southern Hebei cities VOC-limited, elsewhere NOx-limited (Zhang Y. et al. 2020, Atmosphere 11: 992, July-August 2017); VOC-limited urban cores, NOx-limited rural areas, some cities shifting to transitional in 2016-2019 (Wang W. et al. 2021, Atmos. Chem. Phys. 21: 7253). In the VOC-limited cores (Beijing, Tianjin, Shijiazhuang, Handan) a jurisdiction\'s own NOx cuts raise its ozone here: their (negative) contribution is 30% of its own VOC contribution (titration, assumed; range 0-100%). Elsewhere NOx contributes 1.5x as much ozone as VOC (assumed; range 0.5-3).',
  },
  'response-factor': {
    kind: 'derived',
    text: 'The linear response factor k (how much of the ozone a source region makes is removed per tonne cut, compared with zeroing it) is set from two independent results, never from costs: (1) the 2008 Olympics: Beijing cut NOx 47% and NMVOC 57% (Wang S. et al. 2010), the region NOx at least 36%, and emission cuts lowered daytime ozone at Miyun by 80% of 15 ppbv = 23.6 μg/m³ (Wang Y. et al. 2009, Atmos. Chem. Phys. 9: 5237, published); (2) meeting 1-hour ozone below 100 ppb (196.7 μg/m³) in Beijing needs BTH NOx -75% and VOC -55% from 2014 levels (Xing J. et al., Journal of Environmental Management, PMC7643752, published; the same cuts serve PM2.5). k is the geometric mean of the two values that make the linear model reproduce each result; range 0.2-0.8.',
  },
  'emission-ranges': {
    kind: 'published',
    text: 'Emission ranges: industrial VOC inventories carry -32%/+48% (95% interval of China\'s 2018 industrial VOC inventory: Liang X. et al. 2020, 环境科学 41(11): 4767); solvent-use NMVOC -27%/+52% against other inventories (Mo Z. et al. 2021, Atmos. Chem. Phys. 21: 13655); BTH VOC totals differ by 37% between Li 2019 and Wang 2021; NOx and transport ±30% and non-road and residential ±50% (assumed, the usual spread of bottom-up inventories).',
  },
  'cost-ranges': {
    kind: 'assumed',
    text: 'Step costs 0.5-2x (published unit costs span about 2x: SCR 4.8-8.6 yuan/MWh, VOC 5,363-8,000+ yuan/t, and come partly from outside BTH).',
  },
  'headline': {
    kind: 'published',
    text: 'Published headline (a reference to compare with, never fitted here): to bring Beijing\'s peak ozone to 196.7 μg/m³, local control costs 2.046 bn yuan/yr and regional joint control 0.572 bn yuan/yr; sweep 218 to 163 μg/m³. The journal study: Wu D., Xu Y., Zhang S. (2015) Will joint regional air pollution control be more cost-effective? An empirical study of China\'s Beijing-Tianjin-Hebei region, Journal of Environmental Management 149: 27-36 (its inputs were not published).',
    url: 'https://doi.org/10.1016/j.jenvman.2014.09.032',
  },
};

export type Province = 'beijing' | 'tianjin' | 'hebei';

/** 2015 totals, t/yr (see the references). */
export const NOX_2015: Record<Province, number> = { beijing: 166_200, tianjin: 1_916_000 * 0.155, hebei: 1_916_000 * 0.845 };
export const NOX_2013_BEIJING = 238_300;
export const VOC_2013_BEIJING = 231_800;
const VOC_BTH_2015 = 3_277_660;
const VOC_TIANJIN = 360_000;
export const VOC_2015: Record<Province, number> = { beijing: 190_700, tianjin: VOC_TIANJIN, hebei: VOC_BTH_2015 - 190_700 - VOC_TIANJIN };
export const HEBEI_INDUSTRIAL_VOC = 1_017_790;
export const HEBEI_SOLVENT_SHARE = 0.52;
/** BTH steel emissions 2015 (Duan 2018) and the share placed in Hebei. */
export const STEEL = { NOx: 272_300, VOC: 265_300, hebeiShare: 0.9 };
export const STEEL_CITY_SHARE: Record<string, number> = {
  tangshan: 0.45, handan: 0.18, shijiazhuang: 0.06, xingtai: 0.06, chengde: 0.06, qinhuangdao: 0.05,
  cangzhou: 0.04, langfang: 0.04, zhangjiakou: 0.03, hengshui: 0.02, baoding: 0.01,
};

export type Proxy = 'gdp' | 'population';
export interface SectorRow {
  sector: string;
  pollutant: 'NOx' | 'VOC';
  tonnes: Record<Province, number>;
  /** Share of the annual tonnes emitted outside the heating season and so kept (0..1). */
  kept: Record<Province, number>;
  proxy: Proxy;
  /** Part of Hebei's tonnes placed by steel capacity instead of the proxy. */
  hebeiSteel?: number;
  ref: string;
}

const nox = (shares: Record<Province, number>) =>
  Object.fromEntries((Object.keys(shares) as Province[]).map((p) => [p, NOX_2015[p] * shares[p]])) as Record<Province, number>;
const voc = (shares: Record<Province, number>) =>
  Object.fromEntries((Object.keys(shares) as Province[]).map((p) => [p, VOC_2015[p] * shares[p]])) as Record<Province, number>;
const all = { beijing: 1, tianjin: 1, hebei: 1 };
const HEBEI_TRANSPORT_VOC = 150_000;
const HEBEI_NONROAD_VOC = 40_000;

/** Province-level annual emissions by sector (t/yr), with what the ozone season keeps. */
export const sectorRows: SectorRow[] = [
  { sector: 'power', pollutant: 'NOx', tonnes: nox({ beijing: 0.12, tianjin: 0.2, hebei: 0.1 }), kept: all, proxy: 'gdp', ref: 'assumed-sector-shares' },
  {
    sector: 'industry', pollutant: 'NOx', tonnes: nox({ beijing: 0.17, tianjin: 0.5, hebei: 0.52 }), kept: all, proxy: 'gdp',
    hebeiSteel: STEEL.NOx * STEEL.hebeiShare, ref: 'assumed-sector-shares',
  },
  { sector: 'transport', pollutant: 'NOx', tonnes: nox({ beijing: 0.38, tianjin: 0.16, hebei: 0.27 }), kept: all, proxy: 'population', ref: 'assumed-sector-shares' },
  { sector: 'nonroad', pollutant: 'NOx', tonnes: nox({ beijing: 0.15, tianjin: 0.1, hebei: 0.08 }), kept: all, proxy: 'population', ref: 'nonroad' },
  { sector: 'residential', pollutant: 'NOx', tonnes: nox({ beijing: 0.18, tianjin: 0.04, hebei: 0.03 }), kept: { beijing: 0, tianjin: 0, hebei: 0 }, proxy: 'population', ref: 'season-heating' },
  {
    sector: 'industry', pollutant: 'VOC', tonnes: { ...voc({ beijing: 0.15, tianjin: 0.35, hebei: 0 }), hebei: HEBEI_INDUSTRIAL_VOC * (1 - HEBEI_SOLVENT_SHARE) }, kept: all, proxy: 'gdp',
    hebeiSteel: STEEL.VOC * STEEL.hebeiShare, ref: 'hebei-industrial-voc-2015',
  },
  { sector: 'solvent', pollutant: 'VOC', tonnes: { ...voc({ beijing: 0.3, tianjin: 0.3, hebei: 0 }), hebei: HEBEI_INDUSTRIAL_VOC * HEBEI_SOLVENT_SHARE }, kept: all, proxy: 'gdp', ref: 'hebei-industrial-voc-2015' },
  { sector: 'transport', pollutant: 'VOC', tonnes: { ...voc({ beijing: 0.3, tianjin: 0.12, hebei: 0 }), hebei: HEBEI_TRANSPORT_VOC }, kept: all, proxy: 'population', ref: 'assumed-sector-shares' },
  { sector: 'nonroad', pollutant: 'VOC', tonnes: { ...voc({ beijing: 0.03, tianjin: 0.03, hebei: 0 }), hebei: HEBEI_NONROAD_VOC }, kept: all, proxy: 'population', ref: 'nonroad' },
];
// Residential and other VOC closes each province's total; most of it is burned for heat.
sectorRows.push({
  sector: 'residential', pollutant: 'VOC', proxy: 'population', ref: 'season-heating',
  kept: { beijing: 0.5, tianjin: 0.5, hebei: 0.15 },
  tonnes: Object.fromEntries((['beijing', 'tianjin', 'hebei'] as Province[]).map((p) => [
    p, VOC_2015[p] - sectorRows.filter((row) => row.pollutant === 'VOC').reduce((sum, row) => sum + row.tonnes[p], 0),
  ])) as Record<Province, number>,
});

export const groundedSectors = [
  { id: 'power', zh: '电力', en: 'Power' },
  { id: 'industry', zh: '工业', en: 'Industry' },
  { id: 'solvent', zh: '溶剂使用', en: 'Solvent use' },
  { id: 'transport', zh: '道路交通', en: 'Road transport' },
  { id: 'nonroad', zh: '非道路移动源', en: 'Non-road machinery' },
  { id: 'residential', zh: '民用（非采暖）', en: 'Residential (non-heating)' },
];

/** Cost curves per sector and pollutant: [share of base emissions, yuan per annual tonne] per step. */
export const groundedCosts: Record<string, { steps: [number, number][]; ref: string }> = {
  'power.NOx': { steps: [[0.3, 12_000], [0.2, 23_500], [0.1, 60_000]], ref: 'cost-power-nox' },
  'industry.NOx': { steps: [[0.2, 12_000], [0.2, 25_000], [0.15, 50_000], [0.2, 150_000]], ref: 'cost-assumed' },
  'transport.NOx': { steps: [[0.15, 51_000], [0.15, 78_500], [0.2, 200_000]], ref: 'cost-vehicles' },
  'nonroad.NOx': { steps: [[0.2, 20_000], [0.2, 50_000], [0.2, 150_000]], ref: 'cost-assumed' },
  'industry.VOC': { steps: [[0.2, 5_363], [0.2, 8_000], [0.15, 16_000], [0.15, 40_000], [0.1, 120_000]], ref: 'cost-voc' },
  'solvent.VOC': { steps: [[0.25, 5_363], [0.2, 7_884], [0.15, 16_000], [0.15, 40_000], [0.1, 120_000]], ref: 'cost-voc' },
  'transport.VOC': { steps: [[0.15, 20_000], [0.15, 51_000], [0.2, 200_000]], ref: 'cost-vehicles' },
  'nonroad.VOC': { steps: [[0.2, 20_000], [0.2, 50_000]], ref: 'cost-assumed' },
  'residential.VOC': { steps: [[0.15, 10_000], [0.15, 25_000], [0.2, 80_000]], ref: 'cost-assumed' },
};

export const BEIJING_COST_MULTIPLIER = 3;
/** Receptor baselines, μg/m³ (Beijing derived, the rest illustrative). */
export const BASELINE: Record<string, number> = {
  beijing: 230, tianjin: 222, shijiazhuang: 226, tangshan: 220, qinhuangdao: 196, handan: 224, xingtai: 222,
  baoding: 228, zhangjiakou: 190, chengde: 200, cangzhou: 214, langfang: 228, hengshui: 216,
};
export const BACKGROUND = 87.5;
/** Share of each receptor's anthropogenic ozone made inside the basin. */
export const INSIDE_BASIN = 0.85;
export const OWN_SHARE = { beijing: 0.5, others: 0.5 };
export const KERNEL = { decayKm: 150, windFrom: 190, windWeight: 0.6 };
export const VOC_LIMITED_CORES = ['beijing', 'tianjin', 'shijiazhuang', 'handan'];
export const TITRATION = 0.3;
/** Ozone contributed by NOx relative to VOC where ozone is NOx-limited. */
export const NOX_TO_VOC = 1.5;

/** The two results the response factor reproduces (see 'response-factor'). */
export const OLYMPICS = { beijingCut: { NOx: 0.47, VOC: 0.57 }, regionCut: { NOx: 0.36, VOC: 0 }, ozoneDrop: 0.8 * 15 * 1.967 };
export const ATTAINMENT = { cut: { NOx: 0.75, VOC: 0.55 }, target: 196.7 };
