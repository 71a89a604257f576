// Has the secretary changed anything in the open form? Esc on an unchanged form leaves without
// asking (issue 11, item 10); a changed one asks before its text is thrown away.
import type { Meeting } from '../../../domain/types.js';
import { decisionDraftHasText } from './forms.js';
import type { MeetingForm } from './state.js';

export function formChanged(form: MeetingForm | null, meeting: Meeting): boolean {
  switch (form?.type) {
    case 'decision': {
      const d = form.draft;
      if (!d.id) return decisionDraftHasText(d);
      const saved = meeting.items.flatMap((i) => i.decisions).find((x) => x.id === d.id);
      if (!saved) return decisionDraftHasText(d);
      return (
        d.text.trim() !== saved.text ||
        d.unit.trim() !== saved.unit ||
        d.owner.trim() !== (saved.owner ?? '') ||
        d.due.trim() !== saved.due
      );
    }
    case 'notes':
      return form.text.trim() !== (meeting.items.find((i) => i.project === form.project)?.notes ?? '');
    case 'followupNote':
      return form.text.trim() !== (meeting.followups.find((f) => f.decision === form.decision)?.note ?? '');
    default:
      return false;
  }
}
