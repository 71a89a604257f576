// The machine's clock, read in one place: the domain takes dates as arguments (docs/domain.md), and the
// TUI's session and the scripted commands ask here what "today" is.
import { localIsoDate } from '../domain/dates.js';
import type { IsoDate } from '../domain/types.js';

/** Today in the machine's local time zone (what "today" means to the secretary). */
export function localToday(now: Date = new Date()): IsoDate {
  return localIsoDate(now);
}
