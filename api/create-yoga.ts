/** The GraphQL server: schema/schema.graphql, its resolvers, Bearer-token identity, and GET /health. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { petitions } from '../db/schema';
import { count } from 'drizzle-orm';
import { authenticate } from './auth';
import type { ApiContext, ApiDeps } from './context';
import { resolvers } from './resolvers';

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

const SCHEMA_FILE = fileURLToPath(new URL('../schema/schema.graphql', import.meta.url));

/** GET /health: 200 when both Temporal and the read model answer, 503 otherwise, with what each said. */
function useHealth(deps: ApiDeps): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== '/health') return;
      let temporal = 'ok';
      let readModel = 'ok';
      let petitionCount: number | null = null;
      try {
        await deps.temporal.workflowService.getSystemInfo({});
      } catch (err) {
        temporal = `unreachable: ${(err as Error).message}`;
      }
      try {
        petitionCount = deps.db.select({ n: count() }).from(petitions).get()?.n ?? 0;
      } catch (err) {
        readModel = `unavailable: ${(err as Error).message}`;
      }
      const ok = temporal === 'ok' && readModel === 'ok';
      endResponse(
        fetchAPI.Response.json({ status: ok ? 'ok' : 'degraded', temporal, readModel, petitions: petitionCount }, { status: ok ? 200 : 503 }),
      );
    },
  };
}

export function createFengqiaoYoga(deps: ApiDeps) {
  return createYoga<{}, ApiContext>({
    schema: createSchema<ApiContext>({ typeDefs: readFileSync(SCHEMA_FILE, 'utf8'), resolvers }),
    context: ({ request }) => ({ ...deps, principal: authenticate(deps.db, request.headers.get('authorization')) }),
    // Unexpected errors become "Unexpected error." without stack traces, whatever NODE_ENV says.
    maskedErrors: { isDev: false },
    // GET /health is ours (useHealth), with the Temporal and read-model state API.md asks for.
    healthCheckEndpoint: '/health/yoga',
    // GraphiQL served from the package itself, not from a CDN: bureau intranets are often offline.
    renderGraphiQL,
    graphiql: {
      title: 'Fengqiao 枫桥 GraphQL',
      defaultQuery: GRAPHIQL_EXAMPLE,
    },
    plugins: [useHealth(deps)],
    logging: process.env.FENGQIAO_LOG === 'debug' ? 'debug' : 'warn',
  });
}
