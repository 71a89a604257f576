// The floor for `diaodu bulletin`: a bare node process that reads the register and every meeting
// file and parses them with the same YAML library the loader uses (yaml's parseDocument, the
// composer the loader walks), and does nothing else: no validation, no figures, no output.
// Usage: node bench/floor-parse.js <register.yaml> <meetings dir>
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

const [registerPath, meetingsDir] = process.argv.slice(2);
if (!registerPath || !meetingsDir) {
  process.stderr.write('usage: node bench/floor-parse.js <register.yaml> <meetings dir>\n');
  process.exit(2);
}

let errors = 0;
const parse = (file) => {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  errors += doc.errors.length;
};
parse(registerPath);
for (const name of readdirSync(meetingsDir).sort()) {
  if (name.endsWith('.yaml') || name.endsWith('.yml')) parse(join(meetingsDir, name));
}
if (errors > 0) {
  process.stderr.write(`floor-parse: ${errors} YAML errors\n`);
  process.exit(1);
}
