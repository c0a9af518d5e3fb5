/** Indonesia's zones by their Indonesian abbreviations, which the rooms use; other zones by their short name. */
const INDONESIAN_ZONES: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

/** The default clock zone: Western Indonesia Time. */
export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

/** Formats a wall clock reading: "14:05:09 WIB" and the date in the chosen language. */
export function formatWallClock(now: Date, timeZone: string, language: 'id' | 'en'): { time: string; date: string; zone: string } {
  const locale = language === 'id' ? 'id-ID' : 'en-GB';
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(now);
  const date = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(now);
  const zone = INDONESIAN_ZONES[timeZone]
    ?? new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' }).formatToParts(now).find((part) => part.type === 'timeZoneName')?.value
    ?? timeZone;
  return { time, date, zone };
}
