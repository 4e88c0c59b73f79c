/**
 * What a worker adds when tracing is on (./tracing.ts): the workflow interceptors, bundled into the workflow
 * sandbox, make a span for the workflow, each update and each activity it schedules, and hand them out through
 * the `exporter` sink; the activity interceptors continue the trace from the activity's headers. Only headers
 * change: a history recorded without them replays the same (the replay corpus is checked with them too).
 */
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { WorkerOptions } from '@temporalio/worker';
import { createRequire } from 'node:module';
import type { Tracing } from './tracing';

const require = createRequire(import.meta.url);

/** The module bundled into the workflow code; a prebuilt bundle (`bundleWorkflows`) must be built with it. */
export const WORKFLOW_TRACING_MODULE =
  require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors');

export function workerTracingOptions(
  tracing: Tracing,
  bundled: boolean,
): Pick<WorkerOptions, 'interceptors' | 'sinks'> {
  return {
    interceptors: {
      // A prebuilt bundle has its interceptor modules inside already; naming them again only draws a warning.
      ...(bundled ? {} : { workflowModules: [WORKFLOW_TRACING_MODULE] }),
      activity: [
        (ctx) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    },
    sinks: { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) },
  };
}

/** For the activities' own client (a panel's verdicts go to other workflows): the trace goes along. */
export const clientTracingInterceptors = () => ({ workflow: [new OpenTelemetryWorkflowClientInterceptor()] });
