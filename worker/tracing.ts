/**
 * OpenTelemetry tracing for the API and the worker, off by default. It is on when OTEL_EXPORTER_OTLP_ENDPOINT
 * (the standard variable, e.g. `http://localhost:4318`) or FENGQIAO_TRACING=on is set, and then spans go over
 * OTLP/HTTP to that endpoint (the exporter's default, http://localhost:4318/v1/traces, without one).
 * FENGQIAO_TRACING=off keeps it off even with an endpoint set. Both processes share the trace: the API's client
 * puts the span in each update's headers, the worker's interceptors continue it (./tracing-interceptors.ts).
 */
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export interface Tracing {
  /** Where the worker's workflow spans go (they are made in the sandbox and handed out through a sink). */
  spanProcessor: SpanProcessor;
  resource: Resource;
  /** Sends what is still buffered; the process calls it before it exits. */
  shutdown(): Promise<void>;
}

export function tracingEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const flag = env.FENGQIAO_TRACING;
  if (flag !== undefined && flag !== 'on' && flag !== 'off')
    throw new Error(`FENGQIAO_TRACING is "on" or "off", not "${flag}"`);
  if (flag === 'off') return false;
  return flag === 'on' || Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT);
}

/**
 * Registers the process's tracer provider (the global one, which the interceptors and the API's spans use) with
 * `spanProcessor`; a batching OTLP exporter when none is given (tests pass an in-memory one).
 */
export function startTracing(serviceName: string, spanProcessor?: SpanProcessor): Tracing {
  const resource = new Resource({ 'service.name': process.env.OTEL_SERVICE_NAME ?? serviceName });
  const processor = spanProcessor ?? new BatchSpanProcessor(new OTLPTraceExporter());
  const provider = new NodeTracerProvider({ resource, spanProcessors: [processor] });
  // The async-hooks context manager and W3C trace-context propagation, so a span follows the awaits under it.
  provider.register();
  return { spanProcessor: processor, resource, shutdown: () => provider.shutdown() };
}

/** Tracing as the environment asks for it: null when off. */
export function tracingFromEnv(serviceName: string): Tracing | null {
  return tracingEnabled() ? startTracing(serviceName) : null;
}
