// Sentence punctuation shared by the lag reasons (domain) and the briefings' wording.

/** A text set inside another sentence loses its own closing punctuation: “加快办理施工许可”, not “…许可。”. */
export function trimSentenceEnd(text: string): string {
  return text.trim().replace(/[。；;，,．.、\s]+$/u, '');
}
