/** The GraphQL server: the SDL of schema/, its resolvers, Bearer-token identity, and GET /health. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createSchema, createYoga, maskError, type Plugin } from 'graphql-yoga';
import { petitions } from '../db/schema';
import { sql } from 'drizzle-orm';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { authenticate } from './auth';
import { apiError, badInput, isReadModelFailure, READ_MODEL_UNAVAILABLE } from './errors';
import { petitionHistory } from './histories';
import type { ApiContext, ApiDeps } from './context';
import { withInputField } from './input-paths';
import { resolvers } from './resolvers';
import { flushPersonalData, notePersonalData, usePersonalDataLog } from './personal-data-log';
import { historyReader } from './petitioner-view';
import { cachedStuckScan } from './stuck-workflows';
import { createApiMetrics } from './metrics';
import { useOperationOutcomes } from './operation-outcomes';
import { useOperationSpans } from './operation-spans';
import { requestLogger } from './request-log';
import { cachedWorkerPollers } from './worker-pollers';
import { QueryBudget } from './workflow-queries';
import { corsFor, edgeSettingsFromEnv, useBodyLimit } from './edges';
import { useMaterialDownload } from './material-download';
import { materialSettingsFromEnv, uploadAllowance } from './material-upload';
import { useSecurityHeaders } from './security-headers';
import { isErrorCode } from '../domain/error-codes';

const GRAPHIQL_EXAMPLE = `# Add a REGISTRAR token (printed by ./temporal-dev.sh) in the Headers tab below:
#   { "Authorization": "Bearer fq_..." }
# then run.
mutation Register {
  registerPetition(input: {
    petitioner: { name: "张三", phone: "13800138000" }
    channel: LETTER, category: CLAIM
    summary: "小区加装电梯补贴未发放", content: "申请加装电梯补贴已逾半年未发放"
    respondentUnitId: "U-FT-01"
  }) { id status deadlines { kind dueAt lastDay article } }
}
`;

const SCHEMA_DIR = fileURLToPath(new URL('../schema/', import.meta.url));
/** The SDL, one file per part of the contract (schema/*.graphql). */
const TYPE_DEFS = readdirSync(SCHEMA_DIR)
  .filter((name) => name.endsWith('.graphql'))
  .sort()
  .map((name) => readFileSync(join(SCHEMA_DIR, name), 'utf8'));

/** A health probe may come every second; a scan for stuck workflows describes every open one, so it is kept this long. */
export const HEALTH_STUCK_SCAN_TTL_MS = 10_000;

/**
 * GET /health, with what each part said:
 * - 200 `ok`: Temporal and the read model answer, and no workflow is stuck;
 * - 200 `degraded`: both answer, but `stuckWorkflows` workflows keep failing their workflow task (the
 *   `stuckPetitions` query lists them) or the scan for them failed, or no worker polls the task queue
 *   (./worker-pollers.ts); the API still serves every other petition, and restarting it (what a supervisor does on
 *   a failing probe) would neither unstick them nor start a worker;
 * - 503 `unavailable`: Temporal or the read model does not answer.
 */
function useHealth(deps: ApiDeps): Plugin {
  const stuckScan = cachedStuckScan(deps.temporal, deps.taskQueue, HEALTH_STUCK_SCAN_TTL_MS);
  const workerPollers = cachedWorkerPollers(deps.temporal, deps.taskQueue);
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== '/health') return;
      let temporal = 'ok';
      let readModel = 'ok';
      let stuck = 'ok';
      let workers: string;
      let petitionCount: number | null = null;
      let stuckWorkflows: number | null = null;
      try {
        await deps.temporal.workflowService.getSystemInfo({});
      } catch (err) {
        temporal = `unreachable: ${(err as Error).message}`;
      }
      try {
        petitionCount = Number((await deps.db.row<{ n: number }>(sql`SELECT count(*) AS n FROM ${petitions}`))?.n ?? 0);
      } catch (err) {
        readModel = `unavailable: ${(err as Error).message}`;
      }
      if (temporal === 'ok') {
        try {
          stuckWorkflows = (await stuckScan()).length;
          if (stuckWorkflows > 0)
            stuck = `${stuckWorkflows} workflow${stuckWorkflows === 1 ? "'s task keeps" : "s' tasks keep"} failing: see the stuckPetitions query`;
        } catch (err) {
          stuck = `unknown: ${(err as Error).message}`;
        }
        workers = await workerPollers().catch((err: Error) => `unknown: ${err.message}`);
      } else {
        stuck = 'unknown: Temporal is unreachable';
        workers = 'unknown: Temporal is unreachable';
      }
      const up = temporal === 'ok' && readModel === 'ok';
      const status = !up ? 'unavailable' : stuck === 'ok' && workers === 'ok' ? 'ok' : 'degraded';
      endResponse(
        fetchAPI.Response.json(
          { status, temporal, readModel, stuck, workers, petitions: petitionCount, stuckWorkflows },
          { status: up ? 200 : 503 },
        ),
      );
    },
  };
}

/** A path segment as the client meant it; a broken `%` escape is the client's mistake, answered like a bad argument. */
function decodePathSegment(field: string, segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badInput(field, `"${segment}" is not a valid percent-encoded path segment`);
  }
}

/** GET /petitions/{id}/history.json: the history as a file, with the same authorization as `petitionHistory`. */
function useHistoryDownload(deps: ApiDeps): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const match = /^\/petitions\/([^/]+)\/history\.json$/.exec(url.pathname);
      if (!match || request.method !== 'GET') return;
      const fail = (status: number, extensions: Record<string, unknown>, message: string) =>
        endResponse(fetchAPI.Response.json({ errors: [{ message, extensions }] }, { status }));
      try {
        const principal = historyReader(await authenticate(deps.db, request.headers.get('authorization')));
        const id = decodePathSegment('id', match[1]!);
        const history = await petitionHistory(deps, id);
        const reader = { db: deps.db, principal };
        notePersonalData(reader, { petitionId: id, outcome: 'READ', fields: ['history'] });
        await flushPersonalData(reader);
        endResponse(
          new fetchAPI.Response(JSON.stringify(history, null, 2), {
            headers: {
              'content-type': 'application/json',
              'content-disposition': `attachment; filename="petition-${id}.history.json"`,
            },
          }),
        );
      } catch (err) {
        if (err instanceof GraphQLError) {
          const code = String(err.extensions.code);
          return fail(
            { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, UNAVAILABLE: 503 }[code] ?? 400,
            err.extensions,
            err.message,
          );
        }
        if (isReadModelFailure(err)) return fail(503, { code: 'UNAVAILABLE' }, READ_MODEL_UNAVAILABLE);
        return fail(500, { code: 'INTERNAL_SERVER_ERROR' }, 'Unexpected error.');
      }
    },
  };
}

/**
 * Every client error carries a code of API.md: a malformed or oversized operation (parse, validation, or a
 * graphql-armor limit) is BAD_USER_INPUT, with the GraphQL-level reason kept beside it, and a wrong argument
 * value names its field (./input-paths.ts), as the API's own input rules do.
 */
function useContractErrorCodes(): Plugin {
  const toContract = (result: ExecutionResult): ExecutionResult => {
    if (!result.errors?.length) return result;
    const errors = result.errors.map((error) => {
      const code = error.extensions?.code;
      if (typeof code === 'string' && (isErrorCode(code) || code === 'INTERNAL_SERVER_ERROR')) return error;
      return new GraphQLError(error.message, {
        nodes: error.nodes,
        path: error.path,
        extensions: {
          ...error.extensions,
          code: 'BAD_USER_INPUT',
          reason: typeof code === 'string' ? code : 'OPERATION_LIMIT',
        },
      });
    });
    return { ...result, errors };
  };
  return {
    onValidate({ params }) {
      return ({ result, setResult }) => {
        if (result.length) setResult(result.map((error) => withInputField(error, params.documentAST, params.schema)));
      };
    },
    onExecute({ args }) {
      return {
        onExecuteDone({ result, setResult }) {
          // Variables are coerced before anything runs: their errors come back alone, without a path or a code.
          if (!('errors' in result) || !result.errors?.length || 'data' in result) return;
          const defaults = { code: 'BAD_USER_INPUT', reason: 'INVALID_VARIABLE' };
          setResult({
            ...result,
            errors: result.errors.map((error) =>
              error.path ? error : withInputField(error, args.document, args.schema, defaults),
            ),
          });
        },
      };
    },
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result)) setResult(result.map(toContract));
      else if (result && typeof result === 'object' && 'errors' in result)
        setResult(toContract(result as ExecutionResult));
    },
  };
}

export function createFengqiaoYoga(given: ApiDeps) {
  const deps = { ...given, materials: given.materials ?? materialSettingsFromEnv() };
  const edges = deps.edges ?? edgeSettingsFromEnv();
  const uploads = uploadAllowance(deps, deps.materials);
  const metrics = createApiMetrics({ processMetrics: deps.processMetrics });
  const outcomeListeners = [metrics.onOutcome, ...(deps.requestLog ? [requestLogger(deps.requestLog)] : [])];
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{}` is no server context, yoga's own default
  return createYoga<{}, ApiContext>({
    schema: createSchema<ApiContext>({ typeDefs: TYPE_DEFS, resolvers }),
    // Origins and body size are decided before anything is parsed, and but for an upload's (whose token gives it
    // its larger limit) before the token is looked at (./edges.ts).
    cors: corsFor(edges),
    // useBodyLimit (./edges.ts) is the one limit: the API's for every request, an upload's for uploads.
    maxRequestBodySize: false,
    context: async ({ request }) => ({
      ...deps,
      principal: await authenticate(deps.db, request.headers.get('authorization')),
      queryBudget: new QueryBudget(),
    }),
    // Unexpected errors become "Unexpected error." without stack traces, whatever NODE_ENV says; a read model
    // that cannot be read is UNAVAILABLE, like Temporal out of reach.
    maskedErrors: {
      isDev: false,
      maskError: (error, message) => {
        const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
        if (isReadModelFailure(original)) return apiError('UNAVAILABLE', READ_MODEL_UNAVAILABLE);
        return maskError(error, message, false);
      },
    },
    // GET /health is ours (useHealth), with the Temporal and read-model state API.md asks for.
    healthCheckEndpoint: '/health/yoga',
    // GraphiQL served from the package itself, not from a CDN: bureau intranets are often offline.
    renderGraphiQL,
    graphiql: {
      title: 'Fengqiao 枫桥 GraphQL',
      defaultQuery: GRAPHIQL_EXAMPLE,
    },
    plugins: [
      useSecurityHeaders(),
      useBodyLimit(edges, uploads),
      useHealth(deps),
      metrics.plugin,
      useHistoryDownload(deps),
      useMaterialDownload(deps),
      useContractErrorCodes(),
      // After the contract's codes: the log, the metrics and the span name the codes the client gets.
      useOperationOutcomes(outcomeListeners),
      useOperationSpans(),
      usePersonalDataLog(),
      // Hostile queries are refused before they run: depth, aliases, tokens, directives and cost are bounded,
      // and a misspelt field gets no suggestion of the real ones.
      EnvelopArmorPlugin({
        maxDepth: { n: 12, ignoreIntrospection: true },
        maxAliases: { n: 20 },
        maxTokens: { n: 3_000 },
        maxDirectives: { n: 20 },
        costLimit: { maxCost: 20_000, ignoreIntrospection: true },
        blockFieldSuggestion: { enabled: true },
      }),
    ],
    logging: process.env.FENGQIAO_LOG === 'debug' ? 'debug' : 'warn',
  });
}
