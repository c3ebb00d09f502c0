/**
 * Reduced-form source-receptor kernel: how much a tonne of NOx or VOC cut in jurisdiction j
 * lowers the peak ozone at receptor r. Stated assumptions, not a chemical transport model.
 */
export const KERNEL = {
  /** Distance decay length, km. */
  decayKm: 150,
  /** Weight of a jurisdiction's own emissions at its receptor: they surround it all through the
   * morning build-up of the afternoon peak, so weigh more than any neighbour's. */
  selfWeight: 1.5,
  /** Direction the prevailing summer wind blows from (degrees, SSW), and its weight. */
  upwindBearing: 202.5,
  upwindWeight: 0.6,
  /** Ozone per tonne of NOx relative to VOC where ozone is NOx-limited (the regional scale). */
  noxToVoc: 1.5,
  /** Own-NOx cuts in VOC-limited cores raise ozone: coefficient = -titration x the NOx value. */
  titration: 0.5,
  vocLimitedCores: ['beijing', 'tianjin'],
} as const;

const EARTH_KM = 6371;
const rad = (deg: number) => (deg * Math.PI) / 180;

export function distanceKm([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const h = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.sqrt(h));
}

/** Initial bearing from a to b, degrees clockwise from north. */
export function bearing([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const y = Math.sin(rad(lon2 - lon1)) * Math.cos(rad(lat2));
  const x = Math.cos(rad(lat1)) * Math.sin(rad(lat2)) - Math.sin(rad(lat1)) * Math.cos(rad(lat2)) * Math.cos(rad(lon2 - lon1));
  return ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
}

/** Dimensionless transport weight of source jurisdiction j's emissions at receptor r. */
export function transportWeight(receptor: [number, number], source: [number, number], self: boolean): number {
  if (self) return KERNEL.selfWeight;
  const d = distanceKm(receptor, source);
  const upwind = 1 + KERNEL.upwindWeight * Math.cos(rad(bearing(receptor, source) - KERNEL.upwindBearing));
  return Math.exp(-d / KERNEL.decayKm) * upwind;
}

/**
 * Coefficients [NOx, VOC] in μg/m³ per t/yr for one receptor-source pair.
 * vocPerTonne is the calibrated scale: μg/m³ per tonne of VOC at weight 1.
 */
export function coefficientPair(
  receptor: { id: string; seat: [number, number] },
  source: { id: string; seat: [number, number] },
  vocPerTonne: number,
): [number, number] {
  const self = receptor.id === source.id;
  const w = transportWeight(receptor.seat, source.seat, self);
  const voc = vocPerTonne * w;
  const titrating = self && (KERNEL.vocLimitedCores as readonly string[]).includes(source.id);
  const nox = vocPerTonne * KERNEL.noxToVoc * w * (titrating ? -KERNEL.titration : 1);
  return [nox, voc];
}
