// The form under the meeting view: the decision form, adding a project to the agenda, or a one-line
// field (notes, a follow-up's note, an agenda position). What is typed lives in the meeting's UI state
// (state.ts), so the draft file keeps it; saving is the room's (room.tsx).
import { Box, Text } from 'ink';
import { useCallback } from 'react';
import { GENERAL_PROJECT } from '../../../domain/types.js';
import type { FollowupStatus, MeetingItem } from '../../../domain/types.js';
import { hintLine, keyHint } from '../../key-bindings.js';
import { PromptedInput } from '../../components/text-input/index.js';
import { truncateToWidth } from '../../../text/width.js';
import type { LoadedData } from '../../../app/session.js';
import { AddProject } from './add-project.js';
import { DecisionForm } from './decision-form.js';
import type { DecisionDraft } from './forms.js';
import type { MeetingForm, MeetingUi, MeetingUiAction } from './state.js';

export function FormArea(props: {
  form: MeetingForm;
  units: readonly string[];
  ownersFor: (unit: string) => readonly string[];
  warnings?: readonly string[];
  today: string;
  width: number;
  active: boolean;
  dispatch: (action: MeetingUiAction) => void;
  current: () => MeetingUi;
  onSaveDecision: (draft: DecisionDraft) => void;
  onCancel: () => void;
  onSubmitLine: () => void;
  onPickProject: (projectId: string) => void;
  data: LoadedData;
  agenda: readonly MeetingItem[];
  projectName: string;
  /** what this meeting heard about an earlier decision, if anything yet */
  heardStatus: (decision: string) => FollowupStatus | undefined;
  /** `?` in an empty field of the decision form */
  onHelp: () => void;
}) {
  const { form, width, dispatch, current } = props;
  const currentDraft = useCallback(() => {
    const f = current().form;
    return f?.type === 'decision' ? f.draft : (form as { draft: DecisionDraft }).draft;
  }, [current, form]);
  if (form.type === 'decision') {
    return (
      <DecisionForm
        draft={form.draft}
        current={currentDraft}
        dispatch={(action) => dispatch({ type: 'decisionForm', action })}
        units={props.units}
        ownersFor={props.ownersFor}
        {...(props.warnings ? { warnings: props.warnings } : {})}
        today={props.today}
        width={width}
        active={props.active}
        title={
          form.draft.project === GENERAL_PROJECT
            ? `${form.draft.id ? `修改综合事项 ${form.draft.id}` : '新增综合事项'}（不针对具体项目）`
            : `${form.draft.id ? `修改议定事项 ${form.draft.id}` : '新增议定事项'}（${form.draft.project} ${props.projectName}）`
        }
        onSave={props.onSaveDecision}
        onCancel={props.onCancel}
        onHelp={props.onHelp}
      />
    );
  }
  if (form.type === 'addItem') {
    return (
      <AddProject
        data={props.data}
        agenda={props.agenda}
        width={width}
        active={props.active}
        onPick={props.onPickProject}
        onCancel={() => dispatch({ type: 'closeForm' })}
      />
    );
  }
  const label =
    form.type === 'notes'
      ? ' 备注：'
      : form.type === 'position'
        ? form.purpose === 'move'
          ? ` 把 ${form.project} 移到第几项（1-${props.agenda.length}）：`
          : ` 转到第几项（1-${props.agenda.length}）：`
        : ` 落实情况说明（${props.heardStatus(form.decision) ?? '未选状态，记为推进中'}）：`;
  const keys = hintLine([
    keyHint('input', 'input.submit', { label: '保存' }),
    keyHint('input', 'input.cancel', { label: '取消' }),
  ]);
  return (
    <Box flexDirection="column" height={2}>
      <Text dimColor>{truncateToWidth(` ${keys}`, width)}</Text>
      <PromptedInput
        prompt={label}
        promptColor="cyan"
        value={form.text}
        onChange={(text) => dispatch({ type: 'formText', text })}
        onSubmit={props.onSubmitLine}
        onCancel={props.onCancel}
        isActive={props.active}
        width={width}
        inverseCursor
      />
    </Box>
  );
}
