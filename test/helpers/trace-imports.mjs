// `node --import ./trace-imports.mjs ...` appends the URL of every file the process loads as a module
// to the file named by $CASH_TEST_TRACE: which parts of the bundle a command really loads.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) register(import.meta.url);

export async function load(url, context, nextLoad) {
  if (url.startsWith('file:')) appendFileSync(process.env.CASH_TEST_TRACE, `${url}\n`);
  return nextLoad(url, context);
}
