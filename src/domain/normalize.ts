// Traditional and variant spellings of the domain's enum values → the simplified canonical ones.
// docs/formats.md#general-rules: a register written in traditional characters loads as it is
// (續建 = 续建, 投產 = 投产, 已落實 = 已落实). Pure: no I/O. General text (names, notes) is kept as written;
// only enum values are mapped, so a small explicit table is enough and stays fast.

import type { FollowupStatus, Light, MeetingKind, MoneyUnit, Nature, Stage } from './types.js';

/** Characters that differ between traditional/variant and simplified spellings of enum values. */
const CHAR_MAP: Readonly<Record<string, string>> = {
  續: '续',
  產: '产',
  實: '实',
  進: '进',
  銷: '销',
  調: '调',
  週: '周',
  專: '专',
  題: '题',
  紅: '红',
  黃: '黄',
  綠: '绿',
  萬: '万',
  億: '亿',
  燈: '灯',
  設: '设',
  復: '复',
  開: '开',
  劃: '划',
  與: '与',
};

const TRADITIONAL_CHARS = new RegExp(`[${Object.keys(CHAR_MAP).join('')}]`, 'g');
// ASCII and ideographic spaces, tabs and zero-width characters inside a value carry no meaning.
const SPACES = /[\s\u3000\u200b-\u200d\ufeff]/g;

/** Whole-word variants that are not a character-by-character mapping. */
const WORD_VARIANTS: Readonly<Record<string, string>> = {
  撤消: '撤销',
  红灯: '红',
  黄灯: '黄',
  绿灯: '绿',
  万: '万元',
  亿: '亿元',
};

/**
 * Maps a value to its simplified canonical spelling: traditional characters become simplified,
 * spaces are dropped, and a few known variants (撤消, 红灯) become the canonical word. A value that is
 * not a known variant comes back simplified but otherwise unchanged; callers check it against
 * their allowed values.
 */
export function normalizeEnumText(value: string): string {
  let out = value.replace(SPACES, '');
  out = out.replace(TRADITIONAL_CHARS, (ch) => CHAR_MAP[ch] ?? ch);
  return WORD_VARIANTS[out] ?? out;
}

export const NATURES: readonly Nature[] = ['新建', '续建', '前期'];
export const STAGES: readonly Stage[] = ['前期', '在建', '竣工', '投产', '停工'];
export const MONEY_UNITS: readonly MoneyUnit[] = ['万元', '亿元'];
export const LIGHTS: readonly Light[] = ['红', '黄', '绿'];
export const MEETING_KINDS: readonly MeetingKind[] = ['周调度', '月调度', '专题'];
export const FOLLOWUP_STATUSES: readonly FollowupStatus[] = ['已落实', '推进中', '撤销'];

/** The canonical value among `allowed` that `value` spells, or undefined. */
export function canonicalEnum<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  const canonical = normalizeEnumText(value);
  return (allowed as readonly string[]).includes(canonical) ? (canonical as T) : undefined;
}

export const normalizeNature = (value: string): Nature | undefined => canonicalEnum(value, NATURES);
export const normalizeStage = (value: string): Stage | undefined => canonicalEnum(value, STAGES);
export const normalizeMoneyUnit = (value: string): MoneyUnit | undefined => canonicalEnum(value, MONEY_UNITS);
export const normalizeLight = (value: string): Light | undefined => canonicalEnum(value, LIGHTS);
export const normalizeMeetingKind = (value: string): MeetingKind | undefined =>
  canonicalEnum(value, MEETING_KINDS);
export const normalizeFollowupStatus = (value: string): FollowupStatus | undefined =>
  canonicalEnum(value, FOLLOWUP_STATUSES);
