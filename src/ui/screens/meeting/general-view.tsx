// 综合事项: the decisions of the meeting tied to no project (Meeting.general), on a page of their own
// opened from the agenda's last row; and the agenda's number prompt (move an item to / jump to №).
// Pure: the room handles the keys.
import { Box, Text } from 'ink';
import type { Decision, Meeting } from '../../../domain/types.js';
import { hintLine, keyHint } from '../../key-bindings.js';
import { displayWidth, truncateToWidth } from '../../../text/width.js';
import { fromFullwidth } from '../../../domain/values.js';

/** The agenda's last row: "  综合事项（不针对具体项目的议定事项）：已议定2项". */
export function generalRowText(meeting: Meeting): string {
  const n = meeting.general?.length ?? 0;
  return `      综合事项（不针对具体项目的议定事项）${n > 0 ? `：已议定${n}项` : ''}`;
}

export function GeneralView(props: {
  decisions: readonly Decision[];
  rowCursor: number;
  height: number;
  width: number;
  focused: boolean;
  readOnly: boolean;
}) {
  const { decisions, width, rowCursor, focused } = props;
  const mark = (i: number) => (focused && rowCursor === i ? '▶' : ' ');
  const rows = decisions.map((d, i) => ({
    text: `${mark(i)}${i + 1}. ${d.text}（${[d.unit, d.owner, d.due].filter(Boolean).join('·')}）`,
    inverse: focused && rowCursor === i,
  }));
  const add = keyHint('meetingGeneral', 'meeting.addDecision', { first: true });
  if (!props.readOnly) {
    rows.push({
      text: `${mark(decisions.length)}（按 ${add?.keys ?? 'a'} 或 Enter 新增综合事项）`,
      inverse: focused && rowCursor === decisions.length,
    });
  }
  const head = `── 综合事项（${decisions.length}） `;
  const rule = truncateToWidth(head + '─'.repeat(Math.max(0, width - displayWidth(head))), width, '');
  const keys = props.readOnly
    ? '只读：可以查看，不能修改'
    : hintLine([
        keyHint('meetingGeneral', 'meeting.addDecision', { label: '新增' }),
        keyHint('meetingGeneral', 'meeting.editDecision', { label: '修改' }),
        keyHint('meetingGeneral', 'meeting.deleteDecision', { label: '删除' }),
        keyHint('meetingGeneral', 'meeting.undo', { label: '撤销上步' }),
      ]);
  const listHeight = Math.max(1, props.height - 3);
  const start = Math.max(0, Math.min(rows.length - listHeight, rowCursor - Math.floor(listHeight / 2)));
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        {truncateToWidth(' 会议议定的、不针对具体项目的事项，与项目的议定事项一样督办、跟进', width)}
      </Text>
      <Text dimColor wrap="truncate">
        {truncateToWidth(` ${keys}`, width)}
      </Text>
      <Text bold wrap="truncate">
        {rule}
      </Text>
      {rows.slice(start, start + listHeight).map((r, i) => (
        <Text key={i} inverse={r.inverse} wrap="truncate">
          {truncateToWidth(r.text, width) || ' '}
        </Text>
      ))}
    </Box>
  );
}

/**
 * The number typed for "move to" / "jump to": a position 1…count, as an index (0-based), or the
 * Chinese reason it is not one.
 */
export function agendaPosition(text: string, count: number): number | string {
  const t = fromFullwidth(text.trim());
  if (!/^\d+$/.test(t)) return `请输入序号（1到${count}的整数）`;
  const n = Number(t);
  if (n < 1 || n > count) return `议程共${count}项，序号应为1到${count}`;
  return n - 1;
}
