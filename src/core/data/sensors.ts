/**
 * Sensor numbers are 1-based as in the NASA readme (s1..s21); sensor n sits at index n − 1 of a row.
 */

/** Sensors that are constant in FD001 and carry no information about wear. */
export const FLAT_SENSORS: readonly number[] = [1, 5, 6, 10, 16, 18, 19];

/** The usual 14 sensors that respond to wear, in the order the feature columns use. */
export const INFORMATIVE_SENSORS: readonly number[] = [2, 3, 4, 7, 8, 9, 11, 12, 13, 14, 15, 17, 20, 21];

/** Display name of a sensor number, e.g. 7 → "s7". */
export function sensorName(sensor: number): string {
  return `s${sensor}`;
}
