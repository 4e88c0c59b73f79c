/**
 * The bound on an update (api/update-bound.ts): its setting, and what a mutation answers past it (TIMEOUT) or when
 * Temporal cannot be reached (UNAVAILABLE, as before). The bound itself, on a real stopped worker, is in
 * test/system/update-timeout.test.ts.
 */
import { Client, ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { connectApiToTemporal } from '../../api/temporal-connection';
import { callUpdate, DEFAULT_UPDATE_TIMEOUT_MS, updateTimeoutFromEnv } from '../../api/update-bound';
import { petitionUpdates, petitionWorkflowId } from '../../workflows/definitions';

describe('FENGQIAO_UPDATE_TIMEOUT_MS', () => {
  it('defaults to 30 s, takes whole milliseconds, refuses anything else', () => {
    expect(DEFAULT_UPDATE_TIMEOUT_MS).toBe(30_000);
    expect(updateTimeoutFromEnv(undefined)).toBe(30_000);
    expect(updateTimeoutFromEnv(' ')).toBe(30_000);
    expect(updateTimeoutFromEnv('2000')).toBe(2_000);
    for (const bad of ['0', '-5', '1.5', '2s', 'abc'])
      expect(() => updateTimeoutFromEnv(bad), bad).toThrow(/FENGQIAO_UPDATE_TIMEOUT_MS/);
  });
});

describe('callUpdate', () => {
  // Nothing listens there; one attempt, so the refusal comes at once.
  const temporal = new Client({ connection: connectApiToTemporal('127.0.0.1:1', 1) });

  const codeOf = async (promise: Promise<unknown>) => {
    const err = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GraphQLError);
    return err as GraphQLError;
  };

  it('an update the SDK gave up waiting for is TIMEOUT, with the bound', async () => {
    const err = await codeOf(
      callUpdate({ temporal, updateTimeoutMs: 1_234 }, 'XF-1', () =>
        Promise.reject(new WorkflowUpdateRPCTimeoutOrCancelledError('Deadline exceeded')),
      ),
    );
    expect(err.extensions).toMatchObject({ code: 'TIMEOUT', timeoutMs: 1_234 });
    expect(err.message).toMatch(/XF-1: the command was admitted but not answered within 1234 ms/);
  });

  it('an update Temporal refuses to admit (a workflow task in failed state) is UNAVAILABLE: nothing was changed', async () => {
    const details = 'Unable to perform workflow execution update due to Workflow Task in failed state.';
    const refused = new ServiceError('Workflow Update failed', {
      cause: Object.assign(new Error(`9 FAILED_PRECONDITION: ${details}`), { code: 9, details }),
    });
    const err = await codeOf(callUpdate({ temporal }, 'XF-1', () => Promise.reject(refused)));
    expect(err.extensions.code).toBe('UNAVAILABLE');
    expect(err.message).toMatch(/XF-1 cannot take commands now .*Workflow Task in failed state.*nothing was changed/);
  });

  it('an update to a server that cannot be reached is UNAVAILABLE, not TIMEOUT', async () => {
    const handle = temporal.workflow.getHandle(petitionWorkflowId('XF-1'));
    const err = await codeOf(
      callUpdate({ temporal }, 'XF-1', () =>
        handle.executeUpdate(petitionUpdates.startHearing, {
          args: [{ note: null, actor: { id: 'h', role: 'UNIT_HANDLER' } }],
        }),
      ),
    );
    expect(err.extensions.code).toBe('UNAVAILABLE');
  });
});
