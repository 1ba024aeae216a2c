/** Indonesia's three zones. None has daylight saving, so the offset is fixed. */
export const TIME_ZONES = {
  WIB: { iana: 'Asia/Jakarta', offsetHours: 7 },
  WITA: { iana: 'Asia/Makassar', offsetHours: 8 },
  WIT: { iana: 'Asia/Jayapura', offsetHours: 9 },
} as const;

export type ZoneLabel = keyof typeof TIME_ZONES;
export const ZONE_LABELS = Object.keys(TIME_ZONES) as ZoneLabel[];

export function ianaOf(zone: ZoneLabel): string {
  return TIME_ZONES[zone].iana;
}
