/**
 * Concentration conventions. Chinese standards (GB 3095-2012) expressed gases at 273.15 K until
 * 1 September 2018 and at 298.15 K since (MEE amendment of August 2018), both at 101.325 kPa; a
 * dataset declares which it uses and every concentration in it follows.
 */

/** Molar mass of ozone, g/mol. */
export const OZONE_MOLAR_MASS = 47.9982;
const GAS_CONSTANT = 8.314462618; // J/(mol·K)
const STANDARD_PRESSURE_KPA = 101.325;

/** The reference state in force today (GB 3095-2012 as amended in 2018), K. */
export const REFERENCE_TEMPERATURE_K = 298.15;
/** The standard state used before September 2018, K. */
export const STANDARD_TEMPERATURE_K = 273.15;

/** μg/m³ per ppb of ozone at temperature T (K) and 101.325 kPa: 1.962 at 298.15 K, 2.141 at 273.15 K. */
export const ugPerPpbAt = (temperatureK: number) => (OZONE_MOLAR_MASS * STANDARD_PRESSURE_KPA) / (GAS_CONSTANT * temperatureK);

/** A concentration (μg/m³) stated at one temperature, expressed at another (the mixing ratio is the same). */
export const convertConcentration = (ug: number, fromK: number, toK: number) => (ug * fromK) / toK;

/** A dataset's ugPerPpb may differ from its declared temperature's value by at most this share. */
export const UG_PER_PPB_TOLERANCE = 0.005;
