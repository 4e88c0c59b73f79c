/**
 * The replay gate: every recorded history under test/histories/ (npm run histories:record), the dated sets
 * included, must replay against today's workflow code. A change that alters what an old history did without
 * `patched()` fails here.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { listHistoryFiles, parseHistory, replay } from '../../worker/replay';

const DIR = fileURLToPath(new URL('../histories/', import.meta.url));
const files = listHistoryFiles(DIR).map((f) => relative(DIR, f));

describe('the recorded histories replay against the current code', () => {
  it('the corpus covers the petition and panel workflows', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    const types = files.map(
      (f) =>
        JSON.parse(readFileSync(DIR + f, 'utf8')).events[0].workflowExecutionStartedEventAttributes.workflowType.name,
    );
    expect(new Set(types)).toEqual(new Set(['petitionWorkflow', 'evaluationPanelWorkflow']));
  });

  it.each(files)('%s', async (file) => {
    const outcome = await replay(parseHistory(readFileSync(DIR + file, 'utf8')), {
      codePath: inject('workflowBundlePath'),
    });
    expect(outcome, outcome.ok ? '' : outcome.message).toMatchObject({ ok: true });
  });
});
