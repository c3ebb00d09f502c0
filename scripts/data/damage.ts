/**
 * The health-damage price of ozone at each receptor (yuan/yr per μg/m³ of the dataset's
 * statistic): people × crude death rate × mortality response per μg/m³ × value of a statistical
 * life × how much the exposure metric moves per μg/m³ of the statistic. Every factor names its
 * reference in damageReferences; the price is derived, not published (no BTH figure was found).
 */
import type { Reference, UncertainInput } from '../../src/model/types';

/** Crude death rate 2015, deaths per person-year, by province (China Statistical Yearbook 2016, Table 2-8). */
export const DEATH_RATE: Record<string, number> = { beijing: 4.95e-3, tianjin: 5.61e-3, hebei: 5.79e-3 };
/** Non-accidental mortality +0.24% per 10 μg/m³ of daily maximum 8-hour ozone (Yin et al. 2017), per μg/m³. */
export const MORTALITY_PER_UG = Math.log(1.0024) / 10;
/** Value of a statistical life, yuan (six Chinese cities, 2019 prices). */
export const VSL = 5.1e6;
/** μg/m³ of the annual mean of daily maximum 8-hour ozone per μg/m³ of the dataset's statistic (assumed). */
export const EXPOSURE_PER_STATISTIC = 0.4;

export const damageReferences: Record<string, Reference> = {
  'damage-price': {
    kind: 'derived',
    text:
      'Health damage of one μg/m³ more ozone at a receptor, yuan/yr = residents (2015) × crude death rate 2015 (Beijing 4.95‰, Tianjin 5.61‰, Hebei 5.79‰: China Statistical Yearbook 2016, Table 2-8, published) × 0.024% more non-accidental deaths per μg/m³ of daily maximum 8-hour ozone (Yin P. et al. 2017, Ambient ozone pollution and daily mortality: a nationwide study in 272 Chinese cities, Environ. Health Perspect. 125: 117006, published: 0.24% per 10 μg/m³) × a value of a statistical life of 5.10 M yuan (Cao C. et al. 2021, six Chinese cities, 2019 prices, published) × 0.4 μg/m³ of the annual mean daily maximum 8-hour ozone per μg/m³ of this dataset\'s statistic (assumed: the 90th percentile of the daily maximum 1-hour value has about 2.5 times the removable ozone of the annual mean). Beijing: 21.7 M × 4.95‰ × 0.024% × 5.10 M yuan × 0.4 ≈ 53 M yuan/yr per μg/m³. A derivation: no published damage price per μg/m³ for these cities was found. It counts acute deaths only; long-term exposure (a Chinese cohort: +2.9% non-accidental deaths per 10 μg/m³ of warm-season ozone) would make it about 12 times larger, and a lower value of a statistical life (1.47 M yuan, Hoffmann et al. 2017) about 3 times smaller: the range of the damage input.',
    url: 'https://doi.org/10.1289/EHP1849',
  },
};

/** Damage price at a receptor in a jurisdiction with this many residents in this province, yuan/yr per μg/m³. */
export function damagePrice(population: number, province: string): number {
  return population * DEATH_RATE[province] * MORTALITY_PER_UG * VSL * EXPOSURE_PER_STATISTIC;
}

/** The uncertain input for the damage prices: 0.3× (a lower value of life) to 18× (long-term mortality, more exposure per μg/m³). */
export const damageInput: UncertainInput = {
  id: 'damage',
  name: { en: 'Health damage per μg/m³', zh: '每微克/立方米的健康损害' },
  effect: 'damage',
  nominal: 1,
  low: 0.3,
  high: 18,
  scale: 'log',
  unit: '×',
  ref: 'damage-price',
};
