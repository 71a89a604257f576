// The floors for `diaodu bulletin`: a bare node process that reads the register and every meeting
// file and parses them, and does nothing else: no validation, no figures, no output.
//   node bench/floor-parse.js <register.yaml> <meetings dir>            yaml's parseDocument (the
//       composer the positioned loader walks)
//   node bench/floor-parse.js --js-yaml <register.yaml> <meetings dir>  js-yaml's load with its
//       YAML 1.2 core schema (what the fast path, src/store/fast-yaml.ts, starts from)
// It fails (exit 1, a message on stderr) when a file does not parse: a floor that failed cannot
// look fast (bench/run.js refuses any floor run with an exit code or error text).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const jsYaml = args[0] === '--js-yaml';
const [registerPath, meetingsDir] = jsYaml ? args.slice(1) : args;
if (!registerPath || !meetingsDir) {
  process.stderr.write('usage: node bench/floor-parse.js [--js-yaml] <register.yaml> <meetings dir>\n');
  process.exit(2);
}

let parse;
if (jsYaml) {
  const { load, CORE_SCHEMA } = (await import('js-yaml')).default;
  parse = (file) => {
    load(readFileSync(file, 'utf8'), { schema: CORE_SCHEMA, filename: file });
    return 0;
  };
} else {
  const { parseDocument } = await import('yaml');
  parse = (file) => parseDocument(readFileSync(file, 'utf8')).errors.length;
}

let errors = 0;
try {
  errors += parse(registerPath);
  const names = readdirSync(meetingsDir).sort();
  for (const name of names) {
    if (name.endsWith('.yaml') || name.endsWith('.yml')) errors += parse(join(meetingsDir, name));
  }
} catch (error) {
  process.stderr.write(`floor-parse: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
if (errors > 0) {
  process.stderr.write(`floor-parse: ${errors} YAML errors\n`);
  process.exit(1);
}
