// Output in traditional characters (--script traditional): a hint when a register is written in 繁體.
// The conversion itself is shared with the TUI: text/script.ts (applyScript, jsonText) and
// briefing/render.ts (a whole briefing).

// Characters common in register titles that exist only in traditional writing (項目 臺賬 開發區 經濟 …).
const TRADITIONAL_ONLY = /[項區臺賬點發開經濟園設進計劃資額單會議實總東車陽縣鎮鄉層場產]/u;

/**
 * A hint for a register written in traditional characters when no --script was given: its names
 * would otherwise stand in a simplified frame (關於… 達拉特經濟開發區 重点项目…).
 */
export function traditionalHint(title: string, script: string | undefined): string {
  if (script !== undefined || !TRADITIONAL_ONLY.test(title)) return '';
  return '提示：台账用繁体字书写，可加 --script traditional 输出繁体字。\n';
}
