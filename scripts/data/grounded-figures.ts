/**
 * Figures for the literature-grounded default dataset (3.x). Every value names a reference key
 * in `groundedReferences`; each reference says whether it is published (seen in the source),
 * derived (arithmetic on published figures, shown) or assumed (ours, with the reason). Base year
 * 2015; emissions annual (t/yr); costs yuan per annual tonne removed; every concentration in
 * μg/m³ at 298.15 K (figures published at 273.15 K are converted).
 */
import type { Reference } from '../../src/model/types';
import { convertConcentration, REFERENCE_TEMPERATURE_K, STANDARD_TEMPERATURE_K, ugPerPpbAt } from '../../src/model/units';
import { references as shared } from './figures';

/** References both bundled datasets cite, kept in one place (figures.ts). */
const SHARED = ['stat-yearbooks-2015', 'standard', 'ppb-conversion'];

/** A 2015 figure published at 273.15 K (the convention before September 2018), at 298.15 K. */
export const at298 = (ug: number) => convertConcentration(ug, STANDARD_TEMPERATURE_K, REFERENCE_TEMPERATURE_K);
/** μg/m³ per ppb at 298.15 K. */
export const UG_PER_PPB = ugPerPpbAt(REFERENCE_TEMPERATURE_K);

export const groundedReferences: Record<string, Reference> = {
  ...Object.fromEntries(SHARED.map((key) => [key, shared[key]])),
  'wei2019-beijing': {
    kind: 'published',
    text: 'Wei W., Li Y., Ren Y., Cheng S., Han L. (2019) Sensitivity of summer ozone to precursor emission change over Beijing during 2010-2015: a WRF-Chem modeling study, Atmospheric Environment 218: 116984. Beijing anthropogenic emissions: NOx 238.3 kt (2013), 166.2 kt (2015); VOC 231.8 kt (2013), 190.7 kt (2015). The 2013-2015 cuts would raise ozone in urban and northern suburban Beijing and lower it in the southern suburbs and northern rural areas.',
  },
  'wang2021-voc': {
    kind: 'published',
    text: 'Wang Y., Wei W., Ren Y., Wang X., Chen S., Cheng S. (2021) 基于卫星遥感和地面观测的人为源VOCs区域清单多维校验, 环境科学 42(6): 2713-2720: BTH anthropogenic VOC 2,026.7 kt (2013), 2,073.4 kt (2015), 1,934.2 kt (2017); Beijing -6.51% and Tianjin -3.30% a year over 2013-2017. The same group (Beijing University of Technology) published the Beijing inventory (Wei 2019) and the Hebei industrial inventory used here, so the three form one inventory family.',
    url: 'https://doi.org/10.13227/j.hjkx.202010006',
  },
  'li2019-voc': {
    kind: 'published',
    text: 'Li J., Hao Y., Simayi M., Shi Y., Xi Z., Xie S. (2019) Verification of anthropogenic VOC emission inventory through ambient measurements and satellite retrievals, Atmos. Chem. Phys. 19: 5905: BTH anthropogenic VOC 2015 = 3,277.66 Gg, 58% above Wang et al. (2021): the top of the VOC ranges.',
    url: 'https://doi.org/10.5194/acp-19-5905-2019',
  },
  'zheng2019-industry': {
    kind: 'derived',
    text: 'Zheng H. et al. (2019) Atmos. Chem. Phys. 19: 3447 (published): BTH 2014 industrial NOx 1,164 kt = 55% of all sources (power plants, boilers, steel, cement and other industry). All-source NOx 1,164 / 0.55 = 2,116 kt (derived); Tianjin plus Hebei = 2,116 kt less Beijing 2014 (200 kt, between Wei 2019\'s 2013 and 2015 figures) = 1,916 kt, used for 2015 (a 2014 figure: the emissions range covers the one-year gap). Here industry plus power is 57% of BTH NOx, near the 55%.',
    url: 'https://doi.org/10.5194/acp-19-3447-2019',
  },
  'assumed-tianjin-share': {
    kind: 'assumed',
    text: 'Tianjin\'s share of the Tianjin plus Hebei totals: NOx 15.5%, VOC 14% (264 kt of the 1,883 kt Wang et al. leave after Beijing). No published provincial split was seen; Tianjin\'s heavy industry and port put it between its population share (15%) and its share of official NOx statistics.',
  },
  'vehicle-nox-2012': {
    kind: 'published',
    text: 'Motor vehicles emitted 682 kt NOx in BTH in 2012, 30% of the total: 45% of Beijing\'s NOx, 28.8 points less in Tianjin (16.2%) and 13.9 points less in Hebei (31.1%); industry 68.4% (Beijing statistics bureau and the national survey team, reported 12 April 2014). The road-transport shares of NOx here.',
  },
  'hebei-industrial-voc-2015': {
    kind: 'published',
    text: 'Estimation and Prediction of Industrial VOC Emissions in Hebei Province, China, Atmosphere 12(5): 530 (2021), Beijing University of Technology: Hebei industrial VOC 2015 = 1,017.79 kt, more than half from the use of VOC-containing products (here: solvent use 52%, process industry 48%).',
    url: 'https://doi.org/10.3390/atmos12050530',
  },
  'duan2018-steel': {
    kind: 'published',
    text: 'Duan W., Lang J., Cheng S., Jia J., Wang X. (2018) 京津冀地区钢铁行业污染物排放清单及对PM2.5影响, 环境科学 39(4): 1445-1454: BTH iron and steel 2015 NOx 272.3 kt, VOC 265.3 kt. Here 90% of it is placed in Hebei (assumed: Beijing\'s Shougang moved to Tangshan by 2010; Tianjin has some steel).',
  },
  'assumed-steel-cities': {
    kind: 'assumed',
    text: 'Hebei steel emissions are placed by approximate shares of crude-steel capacity: Tangshan 45%, Handan 18%, Shijiazhuang, Xingtai and Chengde 6% each, Qinhuangdao 5%, Cangzhou and Langfang 4% each, Zhangjiakou 3%, Hengshui 2%, Baoding 1%. Approximations from the industry\'s known geography (Duan 2018 ranks the same cities by steel\'s PM2.5 share); no city capacity table was confirmed.',
  },
  'proxy-hebei-cities': {
    kind: 'derived',
    text: 'Hebei\'s other emissions are split over its 11 cities by proxy: power, non-steel industry and solvent use by each city\'s share of Hebei GDP (a proxy for industrial output), transport, non-road and residential by its share of population (2015 yearbooks). A proxy, not a city inventory: the emissions ranges cover it.',
  },
  'assumed-sector-shares': {
    kind: 'assumed',
    text: 'Sector shares of NOx other than road transport and of VOC in Beijing and Tianjin (no 2015 sector table was confirmed): NOx Beijing power 10%, industry 12%, non-road 13%, residential and commercial heating 20%; Tianjin power 24%, industry 46%, non-road 10%, residential 3.8%; Hebei power 12%, industry 46% (steel included), non-road 8%, residential 2.9% (Chengde 2013, published: industry 51.9%, road 26.7%, non-road 10.8%: Chen G. et al. 2016, 环境科学 37(11)). VOC Beijing transport 30%, solvent 30%, industry 15%, non-road 3%, residential and other 22%; Tianjin industry 35%, solvent 30%, transport 12%, non-road 3%, residential and other 20%; Hebei road transport 150 kt (vehicle NMVOC 139.8 kt in 2010: Lang J. et al. 2013) and non-road 40 kt. Hebei\'s residential and other VOC (411 kt, 25%) is what the same inventory family leaves after its industrial, transport and non-road figures.',
  },
  'season-heating': {
    kind: 'assumed',
    text: 'Ozone season (May-September): heating-season sources are dropped (residential and commercial heating NOx; half of Beijing\'s and Tianjin\'s residential VOC and 85% of Hebei\'s residential and other VOC, which is mostly scattered coal and biomass burned for heat: Shi Y. 2020, Atmos. Chem. Phys. 20: 9351). The remaining sources are taken to emit evenly through the year, so their May-September share (5/12) is the same for all and folds into the response scale; emissions and costs stay annual.',
  },
  'nonroad': {
    kind: 'derived',
    text: 'Non-road mobile sources (construction and farm machinery, shipping, rail) are a sector of their own, sized from Chengde\'s published 10.8% of NOx (Chen 2016) and the provincial shares above.',
  },
  'beijing-used-steps': {
    kind: 'derived',
    text: 'Beijing\'s remaining control potential: the same sector cost curves applied to its 2013 emissions, less the cheapest steps its 2013-2015 cuts used (NOx 72.1 kt, VOC 41.1 kt: Wei 2019, published; the part falling on ozone-season sources in proportion to their share of the emissions). What is left is priced at the sector costs: Beijing\'s costs are penalised once, by removing what was done, not also by a multiplier. The range runs from the 2013-2017 Clean Air Action\'s cuts (NOx 116,091 t, VOC 97,267 t: Atmosphere 11(2): 189, 2020, published) taken the same way, to none of the 2013-2015 cuts having used these steps.',
  },
  'beijing-cost-multiplier': {
    kind: 'assumed',
    text: 'Beijing\'s remaining measures may cost more than the sector cost (land, labour, deeper measures on already-controlled sources): 1 to 3 times, nominal 1 (the used steps are already removed). The VOC pollution charges (Beijing 20 yuan/kg, Tianjin 10, Hebei 2.4-4.8) are prices, not costs, and are not used.',
  },
  'cost-power-nox': {
    kind: 'derived',
    text: 'Coal power NOx, first step: SCR running cost 4.8-8.6 yuan/MWh across 300-1,000 MW units (Yang H. et al. 2017, 浙江大学学报(工学版) 51(2): 363-369, published) at about 1 kg NOx removed per MWh (400 mg/m³ inlet, about 80% removal: derived) is 4,800-8,600 yuan/t; with capital recovery the first step (deeper SCR on remaining units) is taken at 12,000 yuan/t.',
  },
  'cost-power-deeper': {
    kind: 'assumed',
    text: 'Coal power NOx beyond the first step: ultra-low-emission retrofits at 23,500 yuan/t (a figure quoted with Yang 2017 that was not confirmed in the source) and fuel switching at 60,000 yuan/t, assumed.',
  },
  'cost-voc': {
    kind: 'derived',
    text: 'VOC end-of-pipe control: average 5,363 yuan/t per year and trading reference 7,884 yuan/t (Yuan Y. et al. 2017, 环境科学学报 37(12): 4807-4814, furniture industry in Shunde, Guangdong: published, outside BTH); low-concentration exhaust above 8 yuan/kg = 8,000 yuan/t (Qiang N. et al. 2020, 环境科学 41(2): 638-646, published).',
  },
  'cost-voc-deeper': {
    kind: 'assumed',
    text: 'VOC control beyond the published end-of-pipe costs: deeper steps at 16,000 and 40,000 yuan/t and production curtailment at 120,000 yuan/t, assumed.',
  },
  'cost-vehicles': {
    kind: 'derived',
    text: 'Vehicles: yellow-label scrappage 2008-2015 in BTH cost 13.69 bn yuan and cut NOx 174.44 kt and HC 91.64 kt (Zhou J. et al. 2019, Journal of Cleaner Production, published): 51,000 yuan per tonne of NOx plus HC, 78,500 per tonne if all is charged to NOx (derived).',
  },
  'cost-vehicles-other': {
    kind: 'assumed',
    text: 'Vehicle measures beyond scrappage: evaporative control at 20,000 yuan/t VOC and traffic restriction at 200,000 yuan/t, assumed.',
  },
  'cost-assumed': {
    kind: 'assumed',
    text: 'Step curves for industrial and non-road NOx and for non-road and residential VOC are assumptions scaled from the published power, vehicle and VOC costs, rising step by step (a convex cost curve) up to production curtailment or use restrictions, the kind of measures the 2008 Olympics used (Beijing cut NOx 47% and NMVOC 57% for weeks: Wang S. et al. 2010, Environ. Sci. Technol. 44: 2490). Removable shares per step are assumptions.',
  },
  'baseline-beijing': {
    kind: 'derived',
    text: 'Beijing 2015, 90th percentile of the daily maximum 1-hour ozone, city mean of the 12 national stations: 225.9 μg/m³ at 273.15 K (hourly data of the UCI Beijing Multi-Site Air-Quality set; 2014: 224.0, 2016: 226.2; published measurements, statistic derived) = 206.9 μg/m³ at 298.15 K. For comparison the compliance statistic, the 90th percentile of daily maximum 8-hour ozone, was 200.5 (273.15 K) and the annual maximum 1-hour value 323.2. Range ±5% (years and station mix).',
  },
  'baseline-others': {
    kind: 'assumed',
    text: 'Baselines at the other receptors: the 90th-percentile 8-hour ozone of the 2+26 cities spanned 96-202 μg/m³ in 2015 (273.15 K; National Joint Research Center for Air Pollution Control); the values here are illustrative within that span, scaled like Beijing\'s (1-hour over 8-hour statistic, converted to 298.15 K), not city measurements. Explore with them; do not cite them.',
  },
  'background-lu2019': {
    kind: 'derived',
    text: 'Background ozone (no Chinese anthropogenic emissions): 44.5 ppbv, 80% of the May-August mean MDA8 over China (Lu X. et al. 2019, Atmos. Chem. Phys. 19: 8339, published) = 87.3 μg/m³ at 298.15 K (derived), used at every receptor. A national 8-hour mean used for a 1-hour high percentile: the range 40-60 ppb (78.5-117.7 μg/m³) covers it.',
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
    text: 'Ozone regime: urban Beijing, Tianjin and southern Hebei cities VOC-limited, elsewhere NOx-limited (Zhang Y. et al. 2020, Atmosphere 11: 992, July-August 2017); VOC-limited urban cores, NOx-limited rural areas, some cities shifting to transitional in 2016-2019 (Wang W. et al. 2021, Atmos. Chem. Phys. 21: 7253). Elsewhere NOx contributes 1.5x as much ozone as VOC (assumed; range 0.5-3).',
  },
  'titration-wei2019': {
    kind: 'derived',
    text: 'In the VOC-limited cores (Beijing, Tianjin, Shijiazhuang, Handan) a place\'s own NOx cuts raise its ozone (titration): their negative contribution is a share of its own VOC contribution. Beijing\'s 2013-2015 cuts (NOx 43% and VOC 22% of its 2015 emissions) raised urban ozone (Wei 2019): with these coefficients that needs a share above 0.50 (= 0.22 / 0.43, derived). Taken as 0.75, range 0.50-1.',
  },
  'response-evidence': {
    kind: 'derived',
    text: 'The response scale k (how much of the ozone a source region forms a linear cut removes, against zeroing it) comes from two results that bracket it, never from costs. (1) Attainment: bringing every day\'s 1-hour maximum in Beijing below 100 ppb needs BTH NOx -75% and VOC -55% from 2014 (Xing J. et al., Journal of Environmental Management, PMC7643752, published); every day below 100 ppb means the 90th percentile is below it too, so the k that takes this dataset\'s statistic exactly to 100 ppb (196.2 μg/m³ at 298.15 K) is the least the study allows. (2) The 2008 Olympics: Beijing cut NOx 47% and NMVOC 57% (Wang S. et al. 2010, Environ. Sci. Technol. 44: 2490) and the region NOx at least 36%, and the cuts lowered August daytime ozone at Miyun, a rural NOx-limited site 100 km downwind, by 80% of 15 ppbv = 12 ppbv = 23.5 μg/m³ (Wang Y. et al. 2009, Atmos. Chem. Phys. 9: 5237, published); a downwind site without titration responds more than the city, where ozone did not fall (Wang Shulan et al. 2014, J. Environ. Sci.), so the k that reproduces Miyun\'s drop with titration switched off is the most this evidence allows. k is derived per draw from the sampled evidence (baseline, background, the Olympic drop, the attainment cuts) and lies between the two, at their geometric mean by default; it is held within 0.27-0.70, the range the two results give under one unit convention (a review of the evidence), where a draw would push it further (a baseline drawn next to the attainment level leaves that bound uninformative; strong titration cancels the study\'s cuts).',
  },
  'evidence-ranges': {
    kind: 'assumed',
    text: 'Ranges of the response evidence: the Olympic emission-driven drop at Miyun 10-14 ppb (15 ppb read from a monthly mean, 80% of it attributed to emissions); the attainment study\'s cuts ±15% (a response surface with errors up to 10%, and a 2014 inventory applied to 2015).',
  },
  'emission-ranges': {
    kind: 'published',
    text: 'Emission ranges: industrial VOC inventories carry -32%/+48% (95% interval of China\'s 2018 industrial VOC inventory: Liang X. et al. 2020, 环境科学 41(11): 4767); BTH VOC totals differ by 58% between Wang 2021 and Li 2019, taken on the non-industrial VOC (0.6-1.6); NOx ±30% and non-road and residential ±50% (assumed, the usual spread of bottom-up inventories). Each source is in exactly one range. Scaling an inventory by f forms the same ozone with f times the tonnes, so it changes what cutting costs, not the ozone that can be removed.',
  },
  'cost-ranges': {
    kind: 'assumed',
    text: 'Step costs 0.5-2x (published unit costs span about 2x: SCR 4.8-8.6 yuan/MWh, VOC 5,363-8,000+ yuan/t, and come partly from outside BTH).',
  },
  'hindcast-olympics-urban': {
    kind: 'published',
    text: 'Urban Beijing ozone during the 2008 Olympics: at three sites over 2007-2009, "O3 was still found to be the highest in 2008" despite the emission controls (Wang Shulan et al. 2014, J. Environ. Sci., doi:10.1016/S1001-0742(13)60395-2); the weather of August 2008 and the weeks-long controls against a seasonal statistic are outside this model.',
  },
  'hindcast-2015-2021': {
    kind: 'assumed',
    text: 'Beijing\'s compliance statistic (90th percentile of daily maximum 8-hour ozone) fell from 200.5 μg/m³ in 2015 (273.15 K, measured, UCI set) = 183.7 at 298.15 K to 149 μg/m³ in 2021 (298.15 K; Beijing government, 4 January 2022, published): -19%. No published 2015-2021 inventory for Beijing, Tianjin and Hebei was confirmed, so the emission changes are assumed from the trends that were: Beijing NOx -40% and VOC -35% (its 2013-2017 Clean Air Action cut NOx 116 kt and VOC 97 kt, Atmosphere 11(2): 189, 2020; Beijing VOC -6.5% a year 2013-2017, Wang 2021), Tianjin and Hebei NOx -30% (China NOx -21% in 2013-2017, Zheng B. et al. 2018, Atmos. Chem. Phys. 18: 14095) and VOC -15% (BTH VOC -6.7% in 2015-2017, Wang 2021). The model compares its own statistic; weather, the fall of PM2.5 (which raised North China Plain ozone by 1-3 ppb a year in 2013-2017: Li K. et al. 2019, PNAS 116: 422) and emissions outside the basin are not in it.',
  },
  'headline': {
    kind: 'published',
    text: 'Published headline (a reference to compare with, never fitted here): to bring Beijing\'s peak ozone to 196.7 μg/m³, local control costs 2.046 bn yuan/yr and regional joint control 0.572 bn yuan/yr; sweep 218 to 163 μg/m³. The journal study: Wu D., Xu Y., Zhang S. (2015) Will joint regional air pollution control be more cost-effective? An empirical study of China\'s Beijing-Tianjin-Hebei region, Journal of Environmental Management 149: 27-36 (its inputs were not published). Its 196.7 is a 1-hour figure against the 1-hour limit of 200 (about 100 ppb at 25 °C); here it is read as a target for this dataset\'s statistic, the 90th percentile of the daily maximum 1-hour ozone at 298.15 K: 4.9% below Beijing\'s 2015 value of 206.9.',
    url: 'https://doi.org/10.1016/j.jenvman.2014.09.032',
  },
};

export type Province = 'beijing' | 'tianjin' | 'hebei';
const PROVINCES: Province[] = ['beijing', 'tianjin', 'hebei'];

/** 2015 totals, t/yr (see the references). */
const TIANJIN_HEBEI_NOX = 1_916_000;
export const NOX_2015: Record<Province, number> = { beijing: 166_200, tianjin: TIANJIN_HEBEI_NOX * 0.155, hebei: TIANJIN_HEBEI_NOX * 0.845 };
export const NOX_2013_BEIJING = 238_300;
export const VOC_2013_BEIJING = 231_800;
const VOC_BTH_2015 = 2_073_400;
const VOC_BEIJING_2015 = 190_700;
const VOC_TIANJIN = (VOC_BTH_2015 - VOC_BEIJING_2015) * 0.14;
export const VOC_2015: Record<Province, number> = { beijing: VOC_BEIJING_2015, tianjin: VOC_TIANJIN, hebei: VOC_BTH_2015 - VOC_BEIJING_2015 - VOC_TIANJIN };
export const HEBEI_INDUSTRIAL_VOC = 1_017_790;
export const HEBEI_SOLVENT_SHARE = 0.52;
/** Beijing's cuts (t): 2013-2015 (Wei 2019) and 2013-2017 (Atmosphere 11:189). */
export const BEIJING_CUTS = {
  to2015: { NOx: NOX_2013_BEIJING - NOX_2015.beijing, VOC: VOC_2013_BEIJING - VOC_2015.beijing },
  to2017: { NOx: 116_091, VOC: 97_267 },
};
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

const byShare = (totals: Record<Province, number>, shares: Record<Province, number>) =>
  Object.fromEntries(PROVINCES.map((p) => [p, totals[p] * shares[p]])) as Record<Province, number>;
const nox = (shares: Record<Province, number>) => byShare(NOX_2015, shares);
const voc = (shares: Record<Province, number>) => byShare(VOC_2015, shares);
const all = { beijing: 1, tianjin: 1, hebei: 1 };
const HEBEI_TRANSPORT_VOC = 150_000;
const HEBEI_NONROAD_VOC = 40_000;

/** Province-level annual emissions by sector (t/yr), with what the ozone season keeps. */
export const sectorRows: SectorRow[] = [
  { sector: 'power', pollutant: 'NOx', tonnes: nox({ beijing: 0.1, tianjin: 0.24, hebei: 0.12 }), kept: all, proxy: 'gdp', ref: 'assumed-sector-shares' },
  {
    sector: 'industry', pollutant: 'NOx', tonnes: nox({ beijing: 0.12, tianjin: 0.46, hebei: 0.46 }), kept: all, proxy: 'gdp',
    hebeiSteel: STEEL.NOx * STEEL.hebeiShare, ref: 'assumed-sector-shares',
  },
  { sector: 'transport', pollutant: 'NOx', tonnes: nox({ beijing: 0.45, tianjin: 0.162, hebei: 0.311 }), kept: all, proxy: 'population', ref: 'vehicle-nox-2012' },
  { sector: 'nonroad', pollutant: 'NOx', tonnes: nox({ beijing: 0.13, tianjin: 0.1, hebei: 0.08 }), kept: all, proxy: 'population', ref: 'nonroad' },
  { sector: 'residential', pollutant: 'NOx', tonnes: nox({ beijing: 0.2, tianjin: 0.038, hebei: 0.029 }), kept: { beijing: 0, tianjin: 0, hebei: 0 }, proxy: 'population', ref: 'season-heating' },
  {
    sector: 'industry', pollutant: 'VOC', tonnes: { ...voc({ beijing: 0.15, tianjin: 0.35, hebei: 0 }), hebei: HEBEI_INDUSTRIAL_VOC * (1 - HEBEI_SOLVENT_SHARE) }, kept: all, proxy: 'gdp',
    hebeiSteel: STEEL.VOC * STEEL.hebeiShare, ref: 'hebei-industrial-voc-2015',
  },
  { sector: 'solvent', pollutant: 'VOC', tonnes: { ...voc({ beijing: 0.3, tianjin: 0.3, hebei: 0 }), hebei: HEBEI_INDUSTRIAL_VOC * HEBEI_SOLVENT_SHARE }, kept: all, proxy: 'gdp', ref: 'hebei-industrial-voc-2015' },
  { sector: 'transport', pollutant: 'VOC', tonnes: { ...voc({ beijing: 0.3, tianjin: 0.12, hebei: 0 }), hebei: HEBEI_TRANSPORT_VOC }, kept: all, proxy: 'population', ref: 'assumed-sector-shares' },
  { sector: 'nonroad', pollutant: 'VOC', tonnes: { ...voc({ beijing: 0.03, tianjin: 0.03, hebei: 0 }), hebei: HEBEI_NONROAD_VOC }, kept: all, proxy: 'population', ref: 'nonroad' },
];
// Residential and other VOC closes each province's total in the one inventory family; most of it is burned for heat.
sectorRows.push({
  sector: 'residential', pollutant: 'VOC', proxy: 'population', ref: 'season-heating',
  kept: { beijing: 0.5, tianjin: 0.5, hebei: 0.15 },
  tonnes: Object.fromEntries(PROVINCES.map((p) => [
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

/** A control step: [share of base emissions, yuan per annual tonne, reference]. */
export type CurveStep = [share: number, cost: number, ref: string];

/** Cost curves per sector and pollutant, each step with its own reference (published-derived or assumed). */
export const groundedCosts: Record<string, CurveStep[]> = {
  'power.NOx': [[0.3, 12_000, 'cost-power-nox'], [0.2, 23_500, 'cost-power-deeper'], [0.1, 60_000, 'cost-power-deeper']],
  'industry.NOx': [[0.2, 12_000, 'cost-assumed'], [0.2, 25_000, 'cost-assumed'], [0.15, 50_000, 'cost-assumed'], [0.2, 150_000, 'cost-assumed']],
  'transport.NOx': [[0.15, 51_000, 'cost-vehicles'], [0.15, 78_500, 'cost-vehicles'], [0.2, 200_000, 'cost-vehicles-other']],
  'nonroad.NOx': [[0.2, 20_000, 'cost-assumed'], [0.2, 50_000, 'cost-assumed'], [0.2, 150_000, 'cost-assumed']],
  'industry.VOC': [[0.2, 5_363, 'cost-voc'], [0.2, 8_000, 'cost-voc'], [0.15, 16_000, 'cost-voc-deeper'], [0.15, 40_000, 'cost-voc-deeper'], [0.1, 120_000, 'cost-voc-deeper']],
  'solvent.VOC': [[0.25, 5_363, 'cost-voc'], [0.2, 7_884, 'cost-voc'], [0.15, 16_000, 'cost-voc-deeper'], [0.15, 40_000, 'cost-voc-deeper'], [0.1, 120_000, 'cost-voc-deeper']],
  'transport.VOC': [[0.15, 20_000, 'cost-vehicles-other'], [0.15, 51_000, 'cost-vehicles'], [0.2, 200_000, 'cost-vehicles-other']],
  'nonroad.VOC': [[0.2, 20_000, 'cost-assumed'], [0.2, 50_000, 'cost-assumed']],
  'residential.VOC': [[0.15, 10_000, 'cost-assumed'], [0.15, 25_000, 'cost-assumed'], [0.2, 80_000, 'cost-assumed']],
};

/** Receptor baselines, μg/m³ at 298.15 K: Beijing measured (2015, 273.15 K, converted), the rest illustrative on the same scale. */
const BEIJING_BASELINE = at298(225.9);
const ILLUSTRATIVE_2X: Record<string, number> = {
  tianjin: 222, shijiazhuang: 226, tangshan: 220, qinhuangdao: 196, handan: 224, xingtai: 222,
  baoding: 228, zhangjiakou: 190, chengde: 200, cangzhou: 214, langfang: 228, hengshui: 216,
};
export const BASELINE: Record<string, number> = {
  beijing: Number(BEIJING_BASELINE.toFixed(1)),
  // The 2.x illustrative values were scaled to Beijing's 230; keep their pattern on Beijing's measured value.
  ...Object.fromEntries(Object.entries(ILLUSTRATIVE_2X).map(([id, b]) => [id, Number(((b * BEIJING_BASELINE) / 230).toFixed(1))])),
};
export const BASELINE_RANGE = 0.05;
export const BACKGROUND_PPB = { nominal: 44.5, low: 40, high: 60 };
/** Share of each receptor's anthropogenic ozone made inside the basin. */
export const INSIDE_BASIN = 0.85;
export const OWN_SHARE = { beijing: 0.5, others: 0.5 };
export const KERNEL = { decayKm: 150, windFrom: 190, windWeight: 0.6 };
export const VOC_LIMITED_CORES = ['beijing', 'tianjin', 'shijiazhuang', 'handan'];
/** Titration: a VOC-limited core's own NOx cuts raise its ozone by this share of its own VOC effect (above Wei 2019's threshold). */
export const TITRATION = { nominal: 0.75, high: 1 };
/** Ozone contributed by NOx relative to VOC where ozone is NOx-limited. */
export const NOX_TO_VOC = 1.5;
/** Which evidence the default response scale stands on: the geometric mean of the two. */
export const RESPONSE_POSITION = 0.5;
/** The response scale the two results allow under one unit convention (the evidence review): a draw's scale is held within it. */
export const RESPONSE_RANGE = { low: 0.27, high: 0.7 };

/** The evidence, in the emission changes and observations the dataset's evidence cases carry. */
export const EVIDENCE = {
  attainment: { cut: { NOx: 0.75, VOC: 0.55 }, levelPpb: 100, cutRange: [0.85, 1.15] as const },
  olympics: { beijingCut: { NOx: 0.47, VOC: 0.57 }, regionCut: { NOx: 0.36 }, dropPpb: { nominal: 0.8 * 15, low: 10, high: 14 } },
  wei2019: { cut: BEIJING_CUTS.to2015 },
  recent: { beijing: { NOx: 0.4, VOC: 0.35 }, others: { NOx: 0.3, VOC: 0.15 }, observed: { from: at298(200.5), to: 149 } },
};
