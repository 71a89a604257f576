// The people a register and its meetings name: 包联领导 and 项目联系人 of the projects, the chair,
// those present and absent at each meeting, and the 责任人 of every decision. 繁體 output keeps these
// names as they are written wherever they appear (OpenCC would turn 马占文 into 馬佔文). Pure: no I/O.
import type { Meeting, Register } from './types.js';

/** Words that end the names of bodies, not people (区发改局, 开发区管委会, 井坪镇, 有关单位负责人). */
const BODY = /(局|委|办|室|院|厅|部|镇|乡|村|中心|公司|集团|政府|街道|社区|管委会|单位|负责人|同志|领导)$/;

/**
 * One list entry split into the names in it: "马占文、张建国" → both, "刘志宏（赴省参加招商活动）" →
 * 刘志宏, "高建华 13903490000" → 高建华, 艾尔肯·吐尔逊 kept whole. Bodies and anything that is not
 * two to four characters of a Chinese name (or a name with ·) are left out.
 */
export function namesIn(entry: string | undefined): string[] {
  if (entry === undefined) return [];
  return entry
    .replace(/[（(][^）)]*[）)]/g, ' ')
    .split(/[\s、，,；;/／|]+/)
    .map((part) => part.replace(/[\d+\-—:：]+/g, '').trim())
    .filter(
      (part) =>
        (/^[\u3400-\u9fff]{2,4}$/.test(part) ||
          /^[\u3400-\u9fff]{1,8}[·•．.][\u3400-\u9fff]{1,8}$/.test(part)) &&
        !BODY.test(part),
    );
}

/** Every person named in the register and the meetings, each once. */
export function personNames(register: Register | undefined, meetings: readonly Meeting[] = []): string[] {
  const names = new Set<string>();
  const add = (entry: string | undefined): void => {
    for (const name of namesIn(entry)) names.add(name);
  };
  for (const p of register?.projects ?? []) {
    add(p.leader);
    add(p.contact);
  }
  for (const m of meetings) {
    add(m.meeting.chair);
    for (const entry of [...m.meeting.present, ...m.meeting.absent]) add(entry);
    for (const item of m.items) for (const d of item.decisions) add(d.owner);
  }
  const units = new Set(register?.projects.map((p) => p.unit) ?? []);
  return [...names].filter((name) => !units.has(name));
}
