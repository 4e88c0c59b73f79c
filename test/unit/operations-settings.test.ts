/** The operations settings read from the environment, and the request log's line. */
import { describe, expect, it } from 'vitest';
import { requestLogFromEnv, requestLogLine } from '../../api/request-log';
import { DEFAULT_WORKER_METRICS_ADDRESS, workerMetricsSetting } from '../../worker/metrics';
import { tracingEnabled } from '../../worker/tracing';

describe('operations settings', () => {
  it('worker metrics: the loopback default, an address, or off; anything else is refused', () => {
    expect(workerMetricsSetting(undefined)).toEqual({ address: DEFAULT_WORKER_METRICS_ADDRESS, explicit: false });
    expect(workerMetricsSetting('0.0.0.0:9465')).toEqual({ address: '0.0.0.0:9465', explicit: true });
    expect(workerMetricsSetting('[::1]:9464')).toEqual({ address: '[::1]:9464', explicit: true });
    expect(workerMetricsSetting('off')).toBeNull();
    expect(() => workerMetricsSetting('9464')).toThrow(/host:port/);
  });

  it('tracing: off unless an OTLP endpoint or FENGQIAO_TRACING=on; FENGQIAO_TRACING=off wins', () => {
    expect(tracingEnabled({})).toBe(false);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingEnabled({ FENGQIAO_TRACING: 'on' })).toBe(true);
    expect(tracingEnabled({ FENGQIAO_TRACING: 'off', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(
      false,
    );
    expect(() => tracingEnabled({ FENGQIAO_TRACING: 'yes' })).toThrow(/"on" or "off"/);
  });

  it('the request log: on by default, off when asked; a line names who, what and how it went', () => {
    expect(requestLogFromEnv(undefined)).toBeTypeOf('function');
    expect(requestLogFromEnv('off')).toBeUndefined();
    expect(() => requestLogFromEnv('verbose')).toThrow();
    const line = requestLogLine(
      {
        operationName: 'Accept',
        operationType: 'mutation',
        principal: { id: 'registrar-1', role: 'REGISTRAR' },
        durationMs: 12.5,
        codes: ['INVALID_TRANSITION'],
      },
      new Date('2026-12-02T00:00:00Z'),
    );
    expect(JSON.parse(line)).toEqual({
      time: '2026-12-02T00:00:00.000Z',
      msg: 'graphql',
      principal: 'registrar-1',
      role: 'REGISTRAR',
      operation: 'Accept',
      type: 'mutation',
      durationMs: 12.5,
      outcome: 'ERROR',
      codes: ['INVALID_TRANSITION'],
    });
  });
});
