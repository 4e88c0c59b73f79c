/**
 * GET /metrics on the API: Prometheus text from a registry of this server's own (a test process builds many
 * servers). Each GraphQL operation is counted and timed by its name, its type and its outcome, `OK` or the first
 * error code the client got (API.md's codes); graphql-yoga's plugin adds where the time goes (parse, validate,
 * context, execute) and every error by code. No label carries a variable, a token or a petition id: a label's
 * values must stay few, and what a petitioner wrote must not leave the read model this way.
 */
import { createCounter, usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { OutcomeListener } from './operation-outcomes';

/** Seconds: an accepted command takes tens of milliseconds, a timed-out one FENGQIAO_UPDATE_TIMEOUT_MS (30 s). */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export interface ApiMetrics {
  registry: Registry;
  plugin: Plugin;
  /** Feeds the per-operation counter and histogram (./operation-outcomes.ts). */
  onOutcome: OutcomeListener;
}

function errorCode(error: unknown): string {
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

/** `processMetrics`: the process's CPU, memory, event-loop lag and handles too (`fengqiao_api_process_…`, `…_nodejs_…`). */
export function createApiMetrics(options: { processMetrics?: boolean } = {}): ApiMetrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'fengqiao_api_' });
  const labelNames = ['operationName', 'operationType', 'code'] as const;
  const operations = new Counter({
    name: 'fengqiao_graphql_operations_total',
    help: 'GraphQL operations answered, by operation and outcome (OK or the first error code)',
    labelNames,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'fengqiao_graphql_operation_duration_seconds',
    help: 'Time from the request to its answer, by operation and outcome',
    labelNames,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const plugin = usePrometheus({
    registry,
    endpoint: '/metrics',
    // A GET's URL holds the operation and its variables; a field path holds list indexes. Neither is a label.
    labels: { url: false, path: false, fieldName: false, typeName: false, returnType: false },
    metrics: {
      graphql_envelop_error_result: createCounter({
        registry,
        counter: {
          name: 'graphql_envelop_error_result',
          help: 'Errors in GraphQL answers, by operation, phase and code',
          labelNames: ['operationName', 'operationType', 'phase', 'code'],
        },
        fillLabelsFn: (params) => ({
          operationName: params.operationName ?? 'anonymous',
          operationType: params.operationType ?? 'unknown',
          phase: params.errorPhase ?? 'execute',
          code: errorCode(params.error),
        }),
      }),
      // Summaries are costly to scrape and cannot be aggregated across API processes; the histograms can.
      graphql_envelop_request_time_summary: false,
      graphql_envelop_deprecated_field: false,
      graphql_envelop_schema_change: false,
    },
  });
  return {
    registry,
    plugin,
    onOutcome: (outcome) => {
      const labels = {
        operationName: outcome.operationName,
        operationType: outcome.operationType,
        code: outcome.codes[0] ?? 'OK',
      };
      operations.inc(labels);
      durations.observe(labels, outcome.durationMs / 1000);
    },
  };
}
