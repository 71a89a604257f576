// node --import this file: records the URL of every module the program loads (ESM resolve hook)
// into the file named by DIAODU_LOAD_LOG, so a test can assert what a command imported.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
