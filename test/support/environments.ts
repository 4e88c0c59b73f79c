/**
 * The real Temporal servers the tests run on: the Java time-skipping test server for months of statutory
 * timers, and the Temporal CLI's dev server where list (visibility) queries are needed. Neither is downloaded:
 * both are `existing-path` executables that the global setup located.
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { inject } from 'vitest';
import { ensureSearchAttributes } from '../../worker/search-attributes-setup';
import { PETITION_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import { testDataConverter } from './codec';

export async function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: inject('testServerPath') } },
    client: { dataConverter: testDataConverter() },
  });
  await ensureSearchAttributes(env.connection);
  return env;
}

/** `dbFilename` keeps the server's state in a SQLite file (in memory otherwise), e.g. to read what it stores. */
export async function startDevServer(options: { dbFilename?: string } = {}): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: inject('temporalCliPath') },
      ...(options.dbFilename ? { dbFilename: options.dbFilename } : {}),
      searchAttributes: [...PETITION_SEARCH_ATTRIBUTES],
      ui: false,
    },
    client: { dataConverter: testDataConverter() },
  });
}
