// JSON rendering: the whole briefing model, blocks and `data` (the figures as plain numbers), so a
// script can check what the printed text says.
import type { BriefingDocument } from './document.js';

export function renderJson(doc: BriefingDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
