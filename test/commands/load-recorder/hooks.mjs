// Module resolve hook (runs on the loader thread): appends each resolved URL to DIAODU_LOAD_LOG.
import { appendFileSync } from 'node:fs';
import process from 'node:process';

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  const log = process.env.DIAODU_LOAD_LOG;
  if (log) appendFileSync(log, `${result.url}\n`);
  return result;
}
