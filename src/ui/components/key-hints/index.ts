export { KeyHints, fitHints, type KeyHintsProps } from './key-hints.js';
export { helpLines } from './help-lines.js';
