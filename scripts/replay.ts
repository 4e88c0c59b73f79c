/**
 * `npm run replay -- <file|dir …> | --petition ID | --all`: replays workflow histories against the current code
 * (worker/replay.ts), printing each result and a summary; exits 1 if any fails to replay, 2 on bad usage.
 * --petition and --all fetch histories from the Temporal server of Temporal's environment configuration
 * (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TLS, API key or a TOML profile; default localhost:7233).
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { PANEL_WORKFLOWS, PETITION_WORKFLOWS } from '../db/rebuild';
import { connectToolClient } from '../worker/temporal-config';
import { listHistoryFiles, parseHistory, replay } from '../worker/replay';
import { petitionWorkflowId } from '../workflows/definitions';
import type { History } from '@temporalio/common/lib/proto-utils';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { petition: { type: 'string', multiple: true }, all: { type: 'boolean', default: false } },
});
if (!positionals.length && !values.petition?.length && !values.all) {
  console.error('usage: npm run replay -- <file.json|dir …> | --petition ID [--petition ID …] | --all');
  process.exit(2);
}
Runtime.install({ logger: new DefaultLogger('ERROR') });

/** Every history to replay, by name, loaded lazily. */
async function* sources(): AsyncGenerator<{ name: string; load: () => Promise<History> }> {
  for (const path of positionals) {
    const files = statSync(path).isDirectory() ? listHistoryFiles(path) : [path];
    for (const file of files) yield { name: file, load: async () => parseHistory(readFileSync(file, 'utf8')) };
  }
  if (!values.petition?.length && !values.all) return;
  // Temporal's environment configuration and the codec's keys, as the worker and the API read them.
  const client = await connectToolClient();
  try {
    for (const id of values.petition ?? []) {
      yield { name: `petition ${id}`, load: () => client.workflow.getHandle(petitionWorkflowId(id)).fetchHistory() };
    }
    if (values.all) {
      for (const query of [PETITION_WORKFLOWS, PANEL_WORKFLOWS]) {
        for await (const wf of client.workflow.list({ query })) {
          yield {
            name: `${wf.workflowId} ${wf.runId}`,
            load: () => client.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory(),
          };
        }
      }
    }
  } finally {
    await client.connection.close();
  }
}

let passed = 0;
let failed = 0;
const started = Date.now();
for await (const source of sources()) {
  let line: string;
  try {
    const outcome = await replay(await source.load());
    if (outcome.ok) {
      passed += 1;
      line = `ok    ${source.name} (${outcome.events} events)`;
    } else {
      failed += 1;
      line = `FAIL  ${source.name}: ${outcome.kind} ${outcome.message.split('\n')[0]}`;
    }
  } catch (err) {
    failed += 1;
    line = `FAIL  ${source.name}: ${(err as Error).message}`;
  }
  console.log(`[${passed + failed}] ${line}`);
}
console.log(`\n${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
process.exit(failed ? 1 : 0);
