/**
 * What one GraphQL operation came to: its name and type, who asked, how long it took and the codes of its errors
 * (API.md's codes, as the client gets them). The request log and the metrics read it; both must agree with the
 * answer the client saw, so it is taken when the result is processed, after masking and the contract's codes.
 */
import { getOperationAST, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Principal } from './auth';

export interface OperationOutcome {
  /** The operation's name in the document, `anonymous` without one, `unparsed` when it never parsed. */
  operationName: string;
  operationType: 'query' | 'mutation' | 'subscription' | 'unknown';
  /** Null when no token was sent, or the operation failed before its context was built. */
  principal: Pick<Principal, 'id' | 'role'> | null;
  durationMs: number;
  /** The distinct `extensions.code` of its errors, in order of first appearance; empty when it succeeded. */
  codes: string[];
}

export type OutcomeListener = (outcome: OperationOutcome) => void;

interface Seen {
  startedAt: number;
  operationName?: string;
  operationType?: OperationOutcome['operationType'];
  principal?: Principal | null;
}

export function errorCodes(result: ExecutionResult): string[] {
  const codes = (result.errors ?? []).map((error) => {
    const code = error.extensions?.code;
    return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
  });
  return [...new Set(codes)];
}

/** Calls every listener once per GraphQL operation answered; nothing for /health, /metrics or downloads. */
export function useOperationOutcomes(listeners: OutcomeListener[]): Plugin {
  const seen = new WeakMap<Request, Seen>();
  return {
    onRequest({ request }) {
      if (listeners.length) seen.set(request, { startedAt: performance.now() });
    },
    onParse({ context }) {
      const request = (context as { request?: Request }).request;
      return ({ result }) => {
        const entry = request && seen.get(request);
        if (!entry || result instanceof Error) return;
        const operation = getOperationAST(
          result,
          (context as { params?: { operationName?: string } }).params?.operationName,
        );
        entry.operationName = operation?.name?.value ?? 'anonymous';
        entry.operationType = operation?.operation ?? 'unknown';
      };
    },
    onContextBuilding() {
      return ({ context }) => {
        const entry = seen.get((context as { request: Request }).request);
        if (entry) entry.principal = (context as { principal?: Principal | null }).principal ?? null;
      };
    },
    onResultProcess({ request, result }) {
      const entry = seen.get(request);
      if (!entry) return;
      seen.delete(request);
      // Batching is off: one request carries one operation, but yoga's types allow a list.
      const results = (Array.isArray(result) ? result : [result]) as ExecutionResult[];
      const codes = [...new Set(results.flatMap((r) => (r && typeof r === 'object' ? errorCodes(r) : [])))];
      const outcome: OperationOutcome = {
        operationName: entry.operationName ?? 'unparsed',
        operationType: entry.operationType ?? 'unknown',
        principal: entry.principal ? { id: entry.principal.id, role: entry.principal.role } : null,
        durationMs: Math.round((performance.now() - entry.startedAt) * 10) / 10,
        codes,
      };
      for (const listener of listeners) listener(outcome);
    },
  };
}
