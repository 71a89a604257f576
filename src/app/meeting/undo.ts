// The meeting's undoable changes (issue 11): each change is built from the meeting as it stands, with
// its inverse, so that `u` can take back the last ones, several steps, each saved like any change
// (MeetingRecorder.change / undo go through recorder.edit, all-or-nothing).
import type { Decision, FollowupStatus, ItemStatus, Meeting } from '../../domain/types.js';
import type { DecisionInput, MeetingDocument } from '../../store/meeting-document.js';

export interface MeetingChange {
  /** what the change did, for "已撤销：…" */
  label: string;
  apply(doc: MeetingDocument): void;
  /** the inverse, applied on the document as it stands when undone */
  revert(doc: MeetingDocument): void;
}

/** Where a decision is: the agenda project holding it (null: 综合事项) and its index there. */
function placeOf(
  m: Meeting,
  id: string,
): { project: string | null; index: number; decision: Decision } | null {
  for (const item of m.items) {
    const index = item.decisions.findIndex((d) => d.id === id);
    if (index >= 0) return { project: item.project, index, decision: item.decisions[index]! };
  }
  const general = m.general ?? [];
  const index = general.findIndex((d) => d.id === id);
  return index >= 0 ? { project: null, index, decision: general[index]! } : null;
}

/** "“督促施工单位增加作业面”", cut to a readable length. */
function quoted(text: string): string {
  const chars = [...text];
  return `“${chars.length > 16 ? `${chars.slice(0, 16).join('')}…` : text}”`;
}

export function deleteDecisionChange(m: Meeting, id: string): MeetingChange {
  const place = placeOf(m, id);
  return {
    label: `删除议定事项 ${id}${place ? quoted(place.decision.text) : ''}`,
    apply: (doc) => doc.deleteDecision(id),
    revert: (doc) => {
      if (place) doc.restoreDecision(place.project, place.decision, place.index);
    },
  };
}

/** A new decision on an agenda project, or a general one (project null). `onId` learns its id. */
export function addDecisionChange(
  project: string | null,
  input: DecisionInput,
  onId: (id: string) => void,
): MeetingChange {
  let id = '';
  return {
    label: `新增${project === null ? '综合事项' : '议定事项'}${quoted(input.text.trim())}`,
    apply: (doc) => {
      id = (project === null ? doc.addGeneralDecision(input) : doc.addDecision(project, input)).id;
      onId(id);
    },
    revert: (doc) => doc.deleteDecision(id),
  };
}

export function updateDecisionChange(m: Meeting, id: string, fields: DecisionInput): MeetingChange {
  const before = placeOf(m, id)?.decision;
  return {
    label: `修改议定事项 ${id}`,
    apply: (doc) =>
      doc.updateDecision(id, { ...fields, coUnits: fields.coUnits ?? [], owner: fields.owner ?? '' }),
    revert: (doc) => {
      if (before)
        doc.updateDecision(id, {
          text: before.text,
          unit: before.unit,
          due: before.due,
          coUnits: before.coUnits ?? [],
          owner: before.owner ?? '',
        });
    },
  };
}

export function followupChange(
  m: Meeting,
  decision: string,
  status: FollowupStatus,
  note: string | undefined,
): MeetingChange {
  const before = m.followups.find((f) => f.decision === decision);
  return {
    label: `落实情况 ${decision} 记为“${status}”${note?.trim() ? '及说明' : ''}`,
    apply: (doc) => doc.setFollowup(decision, { status, ...(note ? { note } : {}) }),
    revert: (doc) => {
      if (!before) return doc.removeFollowup(decision);
      const { decision: _id, ...input } = before;
      doc.setFollowup(decision, input);
    },
  };
}

/** Move an agenda project to index `to` (0-based). */
export function moveItemChange(m: Meeting, project: string, to: number): MeetingChange {
  const from = m.items.findIndex((i) => i.project === project);
  return {
    label: `议程顺序（${project} 从第${from + 1}项移到第${to + 1}项）`,
    apply: (doc) => doc.moveItem(project, to),
    revert: (doc) => doc.moveItem(project, from),
  };
}

export function notesChange(m: Meeting, project: string, notes: string): MeetingChange {
  const before = m.items.find((i) => i.project === project)?.notes;
  return {
    label: `${project} 的备注`,
    apply: (doc) => doc.setItemNotes(project, notes),
    revert: (doc) => doc.setItemNotes(project, before),
  };
}

/** Mark an item 已讨论 / 跳过, or (status undefined) take the mark off. */
export function itemStatusChange(m: Meeting, project: string, status: ItemStatus | undefined): MeetingChange {
  const before = m.items.find((i) => i.project === project)?.status;
  return {
    label: status ? `${project} 标记为“${status}”` : `取消 ${project} 的“${before ?? ''}”标记`,
    apply: (doc) => doc.setItemStatus(project, status),
    revert: (doc) => doc.setItemStatus(project, before),
  };
}
