// The decision form (议定事项录入) of the meeting screen, key by key at 80×24: the deadline field
// (typing replaces the quick pick, full-width digits, picks moved off days off), the warnings asked
// before saving, 牵头单位/配合单位 and 责任人 suggestions, a long decision over several lines, and a
// multi-line paste. Fixture day: 2021-10-08 (a Friday).
import { afterEach, describe, expect, it } from 'vitest';
import { loadMeeting } from '../../src/store/meeting-read.js';
import { KEYS, meetingFileOf, openMeetingAt, tabThrough } from './helpers.js';
import type { Harness } from './helpers.js';
import {
  CS001_EARLIER_UNHEARD,
  CS001_PAGE_TOP,
  FORM_BELOW_TEXT_UNTOUCHED,
  blank,
  frameOf,
} from './frames.js';

let h: Harness;
afterEach(() => h?.cleanup());

const meetingFile = () => meetingFileOf(h);

const lines = (frame: string, from: number, to: number) => frame.split('\n').slice(from, to);

describe('议定事项录入', () => {
  it('replaces the preselected quick pick with what is typed, full-width digits included', async () => {
    h = await openMeetingAt('form');
    await h.press('协调落实项目用地指标');
    await tabThrough(h, '▶牵头单位', '▶配合单位', '▶责任人', '▶完成时限');
    // typing at once replaces 下周五 (no Ctrl+U needed)
    expect(lines(await h.press('10-20', '10-20'), 20, 22)).toEqual([
      '▶完成时限  10-20        → 2021年10月20日（星期三）',
      '  ↑/↓ 快选：本周五 下周五 月底 +3天 +7天 +15天 +30天；直接写 11-30 即替换',
    ]);
    // ↓ picks again, and typing replaces that pick too: here with full-width digits
    await h.press(KEYS.down, '本周五');
    expect(lines(await h.press('２０２１－１０－２０', '２０'), 20, 21)).toEqual([
      '▶完成时限  １０－２０   → 2021年10月20日（星期三）',
    ]);
    await h.press(KEYS.ctrlS, '仍要保存');
    await h.press('y', '已保存议定事项');
    expect(loadMeeting(meetingFile()).items[0]!.decisions[0]!.due).toBe('2021-10-20');
  });

  it('moves quick picks off weekends and holidays and says so', async () => {
    h = await openMeetingAt('form');
    await tabThrough(h, '▶牵头单位', '▶配合单位', '▶责任人', '▶完成时限');
    expect(lines(await h.press(KEYS.down, '【月底】'), 20, 21)).toEqual([
      '▶完成时限  月底         → 2021年10月29日（星期五；10月31日星期日，已提前）',
    ]);
    await h.press(KEYS.down, '【+3天】');
    expect(lines(await h.press(KEYS.down, '【+7天】'), 20, 21)).toEqual([
      '▶完成时限  +7天         → 2021年10月15日（星期五）',
    ]);
    expect(lines(await h.press(KEYS.down, '【+15天】'), 20, 21)).toEqual([
      '▶完成时限  +15天        → 2021年10月22日（星期五；10月23日星期六，已提前）',
    ]);
    // a date typed as such is kept, and its day off named
    await h.press('10-1', '10-1 ');
    expect(lines(h.shown(), 20, 21)).toEqual([
      '▶完成时限  10-1         → 2022年10月1日（星期六；国庆节，非工作日）',
    ]);
  });

  it('asks before saving a deadline before the meeting, no 责任人, or a unit nobody has used', async () => {
    h = await openMeetingAt('form');
    await h.press('协调落实项目用地指标');
    await h.press(KEYS.tab, '▶牵头单位');
    await h.press('区自然资源局😀');
    await tabThrough(h, '▶配合单位', '▶责任人', '▶完成时限');
    await h.press('2021-10-01', '2021年10月1日');
    expect(lines(await h.press(KEYS.enter, '仍要保存'), 21, 24)).toEqual([
      '  请确认：“区自然资源局😀”不是已有单位；未填责任人；完成时限早于会议日期',
      '3处需要确认（见上）。仍要保存？ y 保存 · n 返回修改',
      'y 确定  n 取消  Ctrl+C 退出',
    ]);
    // n: back to the first field in doubt, nothing saved
    expect(lines(await h.press('n', '▶牵头单位'), 17, 18)).toEqual(['▶牵头单位  区自然资源局😀']);
    expect(loadMeeting(meetingFile()).items[0]!.decisions).toEqual([]);
    // fixed: the unit, the person from the suggestion, a later date — saved without a question
    await h.press('\u0015');
    await h.press('自然', '【区自然资源局】');
    await tabThrough(h, '▶配合单位', '【王强】', '▶完成时限');
    await h.press('10-20', '2021年10月20日');
    await h.press(KEYS.enter, '已保存议定事项');
    expect(loadMeeting(meetingFile()).items[0]!.decisions).toEqual([
      {
        id: '2021-10-08-01',
        text: '协调落实项目用地指标',
        unit: '区自然资源局',
        owner: '王强',
        due: '2021-10-20',
      },
    ]);
  });

  it('records 配合单位 apart from the 牵头单位, each once, a suggestion taken with 、', async () => {
    h = await openMeetingAt('form');
    await h.press('协调落实项目用地指标');
    await h.press(KEYS.tab, '▶牵头单位');
    await h.press('自然', '【区自然资源局】');
    await h.press(KEYS.tab, '▶配合单位');
    expect(lines(await h.press('交通', '【区交通局】'), 17, 22)).toEqual([
      ' 牵头单位  区自然资源局',
      '▶配合单位  交通',
      ' 责任人',
      ' 完成时限  下周五       → 2021年10月15日（星期五）',
      '  候选（↑/↓ 选，Tab/Enter 确定，“、”再加一个）：【区交通局】',
    ]);
    await h.press('、', '区交通局、');
    await h.press('区交通局、区自然资源局');
    await h.press(KEYS.tab, '▶责任人');
    await h.press('王强');
    await h.press(KEYS.ctrlS, '已保存议定事项');
    const d = loadMeeting(meetingFile()).items[0]!.decisions[0]!;
    expect(d).toMatchObject({ unit: '区自然资源局', coUnits: ['区交通局'], owner: '王强' });
    // the list names the lead unit and how many share the work
    expect(h.shown()).toContain('▶1. 协调落实项目用地指标（区自然资源局等2个单位·王强·2021-10-15）');
  });

  it('grows the form while a long decision is typed; the list keeps unit, person and deadline', async () => {
    h = await openMeetingAt('form');
    const text =
      '区自然资源局会同区发改局协调落实项目用地指标，10月15日前拿出用地方案，10月底前完成用地预审，确保项目11月中旬开工建设';
    expect(await h.press(text, '开工建设')).toBe(
      frameOf(
        CS001_PAGE_TOP,
        CS001_EARLIER_UNHEARD,
        '── 本次议定事项（0） ───────────────────────────────────────────────────────────',
        ' 备注：（按 b 填写）',
        '── 新增议定事项（CS-001 光伏组件项目） ─────────────────────────────────────────',
        '▶议定事项  区自然资源局会同区发改局协调落实项目用地指标，10月15日前拿出用地方',
        '           案，10月底前完成用地预审，确保项目11月中旬开工建设',
        FORM_BELOW_TEXT_UNTOUCHED,
      ),
    );
    await tabThrough(h, '▶牵头单位', '▶配合单位', '▶责任人');
    await h.press('王强');
    expect(await h.press(KEYS.ctrlS, '已保存议定事项')).toBe(
      frameOf(
        CS001_PAGE_TOP,
        CS001_EARLIER_UNHEARD,
        '── 本次议定事项（1） ───────────────────────────────────────────────────────────',
        '▶1. 区自然资源局会同区发改局协调落实项目用地指标，1…（区发改局·王强·2021-10-15）',
        ' 备注：（按 b 填写）',
        blank(7),
        '已保存议定事项 2021-10-08-01：区自然资源局会同区发改局协调落实项目用地指标，10…',
        'a 议定  e 修改  d 删除  b 备注  → 下一项  ← 上一项  ↑↓ 移动  Esc 返回  ? 帮助',
      ),
    );
  });

  it('pastes several lines into the decision as one Chinese sentence, without spaces', async () => {
    h = await openMeetingAt('form');
    await h.press('完成征地\r\n拆迁工作，\r\n10月底前\r\n交付施工用地\r\n', '交付施工用地');
    expect(lines(h.shown(), 16, 17)).toEqual(['▶议定事项  完成征地拆迁工作，10月底前交付施工用地']);
  });
});
