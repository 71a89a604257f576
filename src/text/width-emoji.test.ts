// isRgiEmoji answers single code points without compiling \p{RGI_Emoji} (issue 5: ~30 ms at
// start-up); it must agree with that regex for every code point and for sequences.
import { describe, expect, it } from 'vitest';
import { isRgiEmoji } from './width.js';

const RGI = new RegExp('^\\p{RGI_Emoji}$', 'v');

describe('isRgiEmoji', () => {
  it('agrees with \\p{RGI_Emoji} on every code point', () => {
    const disagree: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const s = String.fromCodePoint(cp);
      if (isRgiEmoji(s) !== RGI.test(s)) disagree.push(cp.toString(16));
    }
    expect(disagree).toEqual([]);
  });

  it('agrees on sequences: flags, keycaps, skin tones, ZWJ families, VS16 and text forms', () => {
    for (const s of ['🇨🇳', '🇨', '1️⃣', '👍🏽', '👨‍👩‍👧', '❤️', '❤', '▶️', '▶', '🏳️‍🌈', '©', '中', 'a']) {
      expect(isRgiEmoji(s), s).toBe(RGI.test(s));
    }
  });
});
