/**
 * The real Temporal servers the tests run on: the Java time-skipping test server for months of statutory
 * timers, and the Temporal CLI's dev server where list (visibility) queries are needed. Neither is downloaded:
 * both are `existing-path` executables that the global setup located.
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { inject } from 'vitest';
import { ensureSearchAttributes } from '../../worker/search-attributes-setup';
import { PETITION_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';

export async function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: inject('testServerPath') } },
  });
  await ensureSearchAttributes(env.connection);
  return env;
}

export async function startDevServer(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: inject('temporalCliPath') },
      searchAttributes: [...PETITION_SEARCH_ATTRIBUTES],
      ui: false,
    },
  });
}
