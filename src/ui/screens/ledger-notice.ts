// 督办 screen → 督办通知单: the notice of one 责任单位 on the screen's day, built by the same model as
// `diaodu notices` (briefing/notice.ts), so the file written here is the one the command writes.
import type { BriefingDocument } from '../../briefing/document.js';
import { buildNotice, unitNotices } from '../../briefing/notice.js';
import type { LoadedData } from '../../app/session.js';

/** The unit's notice, or null when it has nothing overdue, due soon or unsolved. */
export function noticeForUnit(data: LoadedData, unit: string, issuer?: string): BriefingDocument | null {
  const notice = unitNotices(data.ledgerToday, data.register, data.today).find((n) => n.unit === unit);
  if (!notice) return null;
  const names = new Map(data.register.projects.map((p) => [p.id, p.name]));
  const by = data.register.meta.issuer ?? issuer;
  return buildNotice({ notice, day: data.today, names, ...(by ? { issuer: by } : {}) });
}
