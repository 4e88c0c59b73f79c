/**
 * A span per GraphQL operation, the parent of what the operation asks of Temporal: the client's interceptor
 * (OpenTelemetryWorkflowClientInterceptor, api/main.ts) puts the active span into the update's headers, and the
 * worker continues the trace in the workflow and its activities. With tracing off no tracer provider is
 * registered and these spans are OpenTelemetry's no-op ones.
 */
import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { errorCodes } from './operation-outcomes';

const tracer = trace.getTracer('fengqiao-api');

export function useOperationSpans(): Plugin {
  const spans = new WeakMap<Request, Span>();
  return {
    instrumentation: {
      // Wraps parsing, validation, the context and execution, so the resolvers run with the span active.
      operation({ request }, wrapped) {
        const span = tracer.startSpan('graphql', { kind: SpanKind.SERVER });
        spans.set(request, span);
        return context.with(trace.setSpan(context.active(), span), wrapped);
      },
    },
    onExecute({ args }) {
      const span = spans.get((args.contextValue as { request: Request }).request);
      const operation = getOperationAST(args.document, args.operationName);
      if (!span || !operation) return;
      const name = operation.name?.value ?? 'anonymous';
      // Named as OpenTelemetry's GraphQL conventions name it; never the variables (personal data).
      span.updateName(`${operation.operation} ${name}`);
      span.setAttributes({ 'graphql.operation.name': name, 'graphql.operation.type': operation.operation });
    },
    onResultProcess({ request, result }) {
      const span = spans.get(request);
      if (!span) return;
      spans.delete(request);
      const codes = (Array.isArray(result) ? result : [result]).flatMap((r) =>
        r && typeof r === 'object' && 'errors' in r ? errorCodes(r as never) : [],
      );
      if (codes.length) {
        span.setAttribute('fengqiao.error_codes', [...new Set(codes)]);
        span.setStatus({ code: SpanStatusCode.ERROR, message: codes[0] });
      }
      span.end();
    },
  };
}
