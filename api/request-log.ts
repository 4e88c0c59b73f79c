/**
 * The request log: one JSON line per GraphQL operation, for whoever runs the API to see who did what and how it
 * went. It names the principal (id and role) and the operation, never its variables or its answer: those carry
 * what petitioners wrote, which only the personal-data access log may account for (./personal-data-log.ts).
 *
 *   {"time":"2026-12-02T08:15:03.120Z","msg":"graphql","principal":"registrar-1","role":"REGISTRAR",
 *    "operation":"Register","type":"mutation","durationMs":41.2,"outcome":"OK","codes":[]}
 */
import type { OperationOutcome, OutcomeListener } from './operation-outcomes';

export type LogSink = (line: string) => void;

export function requestLogLine(outcome: OperationOutcome, at = new Date()): string {
  return JSON.stringify({
    time: at.toISOString(),
    msg: 'graphql',
    principal: outcome.principal?.id ?? null,
    role: outcome.principal?.role ?? null,
    operation: outcome.operationName,
    type: outcome.operationType,
    durationMs: outcome.durationMs,
    outcome: outcome.codes.length ? 'ERROR' : 'OK',
    codes: outcome.codes,
  });
}

export function requestLogger(sink: LogSink): OutcomeListener {
  return (outcome) => sink(requestLogLine(outcome));
}

/** The API process's sink: stdout, unless FENGQIAO_REQUEST_LOG=off. */
export function requestLogFromEnv(value = process.env.FENGQIAO_REQUEST_LOG): LogSink | undefined {
  if (value === 'off') return undefined;
  if (value !== undefined && value !== 'on' && value !== 'stdout')
    throw new Error(`FENGQIAO_REQUEST_LOG is "on" (the default) or "off", not "${value}"`);
  return (line) => process.stdout.write(line + '\n');
}
