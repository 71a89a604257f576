// Bundles the terminal UI (src/ui/run.ts) with Ink, React and the rest into dist/tui/run.js and a
// few chunks beside it, for issue 5's first-frame and keypress figures. dist/cli.js loads it when it
// is there (else dist/ui/run.js, tsc's unbundled modules). Built from the sources, not from tsc's
// output, so running it twice, or without tsc, is harmless.
//
// - Loading ~400 small ES modules from node_modules costs more than drawing the home screen; one
//   bundle (split where the app imports lazily: Word/Excel export, the register and meeting
//   readers) loads in a fraction of that. The scripted commands (dist/cli.js, dist/commands/…) are not bundled and
//   still never load Ink or React.
// - Ink 6.8 builds a new Output for every frame, and with it new caches of each line's styled
//   characters and each character's display width, so every keypress re-tokenizes and re-measures
//   the whole 80×24 screen (about 3 ms of the 7.5 ms Ink spends on a frame of Chinese text here).
//   The plugin below makes Ink keep one set of those caches across frames, replaced by an empty
//   set when it grows past OUTPUT_CACHE_LIMITS so memory stays bounded: a line's styled
//   characters take ~24 KB (80 objects), so 300 lines are ~7 MB, while one frame at 160×45 has
//   under 60 lines and moving the cursor changes two or three of them. The cached values are immutable
//   inputs to Output.get (it copies cells, never edits them), so sharing them between frames is as
//   safe as Ink sharing them within one frame. If Ink's source changes so that the patch no longer
//   applies, the build fails rather than silently shipping without it.
// - string-width (Ink's and ours) builds /^\p{RGI_Emoji}$/v when it loads (~65 ms: V8 expands the
//   property of strings into thousands of sequences) and compiles it on the first non-ASCII text
//   (~70 ms more), so a Chinese home screen paid ~140 ms before its first frame (issue 13 item 10).
//   The second plugin builds it on first use and answers a single code point without it: one code
//   point is an RGI emoji exactly when it has Emoji_Presentation and is not a lone regional
//   indicator (src/text/width.ts relies on the same rule; test/build/bundle-ui.test.ts checks the
//   patched string-width against the original for every code point and for emoji sequences). The
//   same plugin measures text of printable ASCII, CJK ideographs and punctuation and fullwidth forms
//   (each code point a grapheme cluster of its own) as the sum of East Asian Widths, without the
//   grapheme segmenter and the per-cluster regexes, which Ink ran cold over every line of the first
//   frame (checked against the original on random mixes with marks, emoji and Hangul).
// - Ink turns each line of a frame into text with @alcalzone/ansi-tokenize's styledCharsToString,
//   which diffs the styles of every cell with the previous one (three Sets and two arrays a cell):
//   ~20 ms of the first frame of the Chinese home screen, and part of every key's frame. The third
//   plugin skips the diff where it is empty by construction (two cells with the same codes, the
//   first or last cell without styles); test/build/bundle-ui.test.ts checks the result against the
//   original on random styled lines.
//
// The tests run the unbundled modules (vitest) and, in test/e2e, this bundle through dist/cli.js.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import process from 'node:process';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUTPUT_CACHE_LIMITS = { styledChars: 300, widths: 10_000, blockWidths: 1000 };

const NEW_CACHES = '    caches = new OutputCaches();';
const SHARED_CACHES = '    caches = sharedOutputCaches();';
const CLASS_START = 'export default class Output {';
const SHARED_FACTORY = `// diaodu (scripts/bundle-ui.mjs): one set of caches for all frames, bounded.
let sharedCaches;
function sharedOutputCaches() {
    if (sharedCaches === undefined ||
        sharedCaches.styledChars.size > ${OUTPUT_CACHE_LIMITS.styledChars} ||
        sharedCaches.widths.size > ${OUTPUT_CACHE_LIMITS.widths} ||
        sharedCaches.blockWidths.size > ${OUTPUT_CACHE_LIMITS.blockWidths}) {
        sharedCaches = new OutputCaches();
    }
    return sharedCaches;
}
`;

/** Ink's build/output.js with frame-spanning caches; throws if the source is not what we patch. */
export function patchInkOutput(source) {
  if (!source.includes(NEW_CACHES) || !source.includes(CLASS_START)) {
    throw new Error(
      'scripts/bundle-ui.mjs: ink/build/output.js has changed; update the shared-cache patch for this Ink version',
    );
  }
  return source.replace(CLASS_START, SHARED_FACTORY + CLASS_START).replace(NEW_CACHES, SHARED_CACHES);
}

const inkOutputCaches = {
  name: 'ink-output-caches',
  setup(b) {
    b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]output\.js$/ }, async (args) => ({
      contents: patchInkOutput(await readFile(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};

const RGI_EMOJI_LITERAL = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;';
const RGI_EMOJI_LAZY = `// diaodu (scripts/bundle-ui.mjs): the RGI_Emoji regex built on first use, not for one code point.
let rgiEmojiSequenceRegex;
const emojiPresentationRegex = /\\p{Emoji_Presentation}/u;
const regionalIndicatorRegex = /\\p{Regional_Indicator}/u;
const rgiEmojiRegex = {
	test(segment) {
		const codePoint = segment.codePointAt(0) ?? 0;
		if (segment.length === (codePoint > 0xFFFF ? 2 : 1)) {
			return emojiPresentationRegex.test(segment) && !regionalIndicatorRegex.test(segment);
		}
		rgiEmojiSequenceRegex ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v');
		return rgiEmojiSequenceRegex.test(segment);
	},
};`;

const EAW_OPTIONS = '\tconst eastAsianWidthOptions = {ambiguousAsWide: !ambiguousIsNarrow};\n';
// Printable ASCII, CJK ideographs (U+4E00–U+9FFF), CJK punctuation (U+3000–U+3029, U+3030–U+303F:
// not the tone marks U+302A–U+302F), fullwidth forms (U+FF01–U+FF60) and the app's marks · — … ▲ ▶ ○ ●.
// Each of these is a grapheme cluster of its own next to any other (none is Extend, SpacingMark,
// Prepend, ZWJ, a regional indicator or Hangul), visible, and not an RGI emoji alone (none has
// Emoji_Presentation), so string-width gives each its East Asian Width, and a string of them the sum.
const CJK_TEXT = `\t// diaodu (scripts/bundle-ui.mjs): text of code points that are clusters of their own: the sum.
\tif (/^[\\u0020-\\u007E\\u00B7\\u2014\\u2026\\u25B2\\u25B6\\u25CB\\u25CF\\u3000-\\u3029\\u3030-\\u303F\\u4E00-\\u9FFF\\uFF01-\\uFF60]*$/.test(string)) {
\t\tfor (let index = 0; index < string.length; index++) {
\t\t\twidth += eastAsianWidth(string.charCodeAt(index), eastAsianWidthOptions);
\t\t}
\t\treturn width;
\t}
`;

/**
 * string-width's index.js with the RGI_Emoji regex built lazily and Chinese text measured without
 * the segmenter; throws if the source is not what we patch.
 */
export function patchStringWidth(source) {
  if (
    !source.includes(RGI_EMOJI_LITERAL) ||
    !source.includes('rgiEmojiRegex.test(segment)') ||
    !source.includes(`\tlet width = 0;\n${EAW_OPTIONS}`)
  ) {
    throw new Error(
      'scripts/bundle-ui.mjs: string-width/index.js has changed; update the lazy RGI_Emoji patch for this version',
    );
  }
  return source
    .replace(RGI_EMOJI_LITERAL, () => RGI_EMOJI_LAZY)
    .replace(`\tlet width = 0;\n${EAW_OPTIONS}`, () => `\tlet width = 0;\n${EAW_OPTIONS}${CJK_TEXT}`);
}

// Only the string-width at the top of node_modules (8.x: Ink's and ours); wrap-ansi's own older copy
// has no such regex.
const lazyEmojiRegex = {
  name: 'string-width-lazy-emoji-regex',
  setup(b) {
    const top = realpathSync(path.join(root, 'node_modules', 'string-width', 'index.js'));
    b.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, async (args) =>
      realpathSync(args.path) === top
        ? { contents: patchStringWidth(await readFile(args.path, 'utf8')), loader: 'js' }
        : undefined,
    );
  },
};

const STYLED_CHARS_TO_STRING = `export function styledCharsToString(chars) {
    let ret = "";
    for (let i = 0; i < chars.length; i++) {
        const char = chars[i];
        if (i === 0) {
            ret += ansiCodesToString(char.styles);
        }
        else {
            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));
        }
        ret += char.value;
        // reset active styles at the end of the string
        if (i === chars.length - 1) {
            ret += ansiCodesToString(diffAnsiCodes(char.styles, []));
        }
    }
    return ret;
}`;
const STYLED_CHARS_TO_STRING_FAST = `// diaodu (scripts/bundle-ui.mjs): no diff between cells whose codes are the same (it is empty).
function sameAnsiCodes(a, b) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
        if (a[i].code !== b[i].code || a[i].endCode !== b[i].endCode) return false;
    }
    return true;
}
export function styledCharsToString(chars) {
    let ret = "";
    for (let i = 0; i < chars.length; i++) {
        const char = chars[i];
        if (i === 0) {
            if (char.styles.length > 0) ret += ansiCodesToString(char.styles);
        }
        else if (!sameAnsiCodes(chars[i - 1].styles, char.styles)) {
            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));
        }
        ret += char.value;
        // reset active styles at the end of the string
        if (i === chars.length - 1 && char.styles.length > 0) {
            ret += ansiCodesToString(diffAnsiCodes(char.styles, []));
        }
    }
    return ret;
}`;

/** ansi-tokenize's styledChars.js without the empty diffs; throws if the source is not what we patch. */
export function patchStyledChars(source) {
  if (!source.includes(STYLED_CHARS_TO_STRING)) {
    throw new Error(
      'scripts/bundle-ui.mjs: @alcalzone/ansi-tokenize/build/styledChars.js has changed; update the styledCharsToString patch for this version',
    );
  }
  return source.replace(STYLED_CHARS_TO_STRING, () => STYLED_CHARS_TO_STRING_FAST);
}

const fastStyledChars = {
  name: 'ansi-tokenize-styled-chars',
  setup(b) {
    b.onLoad(
      { filter: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/ },
      async (args) => ({
        contents: patchStyledChars(await readFile(args.path, 'utf8')),
        loader: 'js',
      }),
    );
  },
};

/** How the UI is bundled; the benchmark bundles its Ink "hello" floor the same way. */
export function bundleOptions({ entry, outdir }) {
  return {
    absWorkingDir: root,
    entryPoints: [entry],
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // React's and Ink's development code is dead in the app (run.ts sets NODE_ENV=production
    // before loading them); dropping it halves what Node parses at start.
    define: { 'process.env.NODE_ENV': '"production"' },
    logOverride: { 'assign-to-define': 'silent' },
    // Ink loads its devtools bridge only when DEV=true; that package is not installed.
    // The chart libraries of a Word bulletin (src/briefing/chart-image.ts) load from node_modules when
    // one is written: resvg is a native addon esbuild cannot bundle, echarts is large and rarely needed.
    external: ['react-devtools-core', '@resvg/resvg-js', 'echarts', 'echarts/*'],
    // CommonJS packages inside an ES module bundle still call require() for Node's built-ins.
    banner: {
      js: "import { createRequire as __diaoduCreateRequire } from 'node:module'; const require = __diaoduCreateRequire(import.meta.url);",
    },
    plugins: [inkOutputCaches, lazyEmojiRegex, fastStyledChars],
    logLevel: 'warning',
  };
}

export async function bundleUi({ outdir = path.join(root, 'dist', 'tui') } = {}) {
  // chunk names carry a content hash: clear the previous build's
  await rm(outdir, { recursive: true, force: true });
  return build(bundleOptions({ entry: path.join(root, 'src', 'ui', 'run.ts'), outdir }));
}

/**
 * dist/build-id.json: a hash of every file of the build (tsc's modules and the bundle), read by the
 * load cache (src/store/load-cache.ts) both in the scripted commands and in the bundled UI, so the
 * two give cached registers and meetings the same code fingerprint (issue 13, item 8).
 */
export async function writeBuildId(dist = path.join(root, 'dist')) {
  const files = [];
  const walk = async (dir) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && full !== path.join(dist, 'build-id.json')) files.push(full);
    }
  };
  await walk(dist);
  const hash = createHash('sha1');
  for (const file of files.map((f) => path.relative(dist, f).split(path.sep).join('/')).sort()) {
    hash
      .update(`${file}\0`)
      .update(await readFile(path.join(dist, file)))
      .update('\0');
  }
  const id = hash.digest('hex');
  await writeFile(path.join(dist, 'build-id.json'), `${JSON.stringify({ id })}\n`);
  return id;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundleUi();
  await writeBuildId();
}
