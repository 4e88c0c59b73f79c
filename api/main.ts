/**
 * Starts the GraphQL API on PORT (default 4000): seeds the units, and in development (FENGQIAO_DEV_TOKENS set)
 * one token per role, written to that file and printed.
 */
import { Client } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { createServer } from 'node:http';
import { openConfiguredReadModel } from '../db/open-read-model';
import { seedUnits } from '../db/seed-units';
import { DEFAULT_PROFILE_ID, getProfile } from '../domain/statute';
import { fengqiaoDataConverter } from '../worker/data-converter';
import { describeTarget, temporalTarget } from '../worker/temporal-config';
import { tracingFromEnv } from '../worker/tracing';
import { TASK_QUEUE } from '../workflows/definitions';
import { codecNodeHandler, codecOriginsFromEnv } from './codec-endpoint';
import { consoleDevTokensHandler } from './console-dev-tokens';
import { consoleDirFromEnv, consoleStaticHandler } from './console-static';
import { createFengqiaoYoga } from './create-yoga';
import { ensureDevTokens } from './dev-tokens';
import { requestLogFromEnv } from './request-log';
import { connectApiToTemporal } from './temporal-connection';
import { updateTimeoutFromEnv } from './update-bound';

const port = Number(process.env.PORT ?? 4000);
// Temporal's environment configuration (address, namespace, TLS, API key), as the worker reads it.
const target = temporalTarget();
const { namespace } = target;
const profileId = getProfile(process.env.FENGQIAO_PROFILE ?? DEFAULT_PROFILE_ID).id;
const updateTimeoutMs = updateTimeoutFromEnv(process.env.FENGQIAO_UPDATE_TIMEOUT_MS);

// The SQLite file by default; PostgreSQL when DATABASE_URL names one (db/open-read-model.ts).
const db = await openConfiguredReadModel();
await seedUnits(db);
const connection = connectApiToTemporal(target.connection);
// The worker's codec and keys: what the API sends (registrations, commands) is encrypted before it leaves.
// Tracing (off by default, worker/tracing.ts): each update carries the operation's span to the worker.
const tracing = tracingFromEnv('fengqiao-api');
const temporal = new Client({
  connection,
  namespace,
  dataConverter: fengqiaoDataConverter(),
  ...(tracing ? { interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } } : {}),
});
const yoga = createFengqiaoYoga({
  db,
  temporal,
  taskQueue: TASK_QUEUE,
  profileId,
  updateTimeoutMs,
  requestLog: requestLogFromEnv(),
  processMetrics: true,
});

// The Temporal UI's codec endpoint (/codec/decode, /codec/encode) is answered before yoga, with its own CORS.
const codecOrigins = codecOriginsFromEnv();
const codec = codecNodeHandler({
  db,
  codecs: temporal.options.loadedDataConverter.payloadCodecs,
  origins: codecOrigins,
});
// The console (/, /assets/…) and, in development, its dev-token picker; everything else is yoga's.
const consoleFiles = consoleStaticHandler(consoleDirFromEnv());
const devTokens = consoleDevTokensHandler(process.env.FENGQIAO_DEV_TOKENS);
const server = createServer((req, res) => {
  if (!codec(req, res) && !consoleFiles(req, res) && !devTokens(req, res)) void yoga(req, res);
});
server.listen(port, async () => {
  console.log(`[api] GraphQL (GraphiQL in a browser): http://localhost:${port}/graphql`);
  console.log(`[api] console: http://localhost:${port}/`);
  console.log(
    `[api] health: http://localhost:${port}/health   profile: ${profileId}   update timeout: ${updateTimeoutMs} ms`,
  );
  console.log(`[api] Temporal: ${describeTarget(target)}`);
  console.log(`[api] metrics: http://localhost:${port}/metrics   tracing: ${tracing ? 'on' : 'off'}`);
  console.log(`[api] codec endpoint (TESTER/ADMIN): http://localhost:${port}/codec   for ${codecOrigins.join(', ')}`);
  if (process.env.FENGQIAO_DEV_TOKENS) {
    const tokens = await ensureDevTokens(db, process.env.FENGQIAO_DEV_TOKENS);
    console.log('[api] dev tokens (Authorization: Bearer <token>):');
    for (const t of tokens)
      console.log(`  ${t.role.padEnd(12)} ${t.token}  ${t.principalId}${t.unitId ? ` @ ${t.unitId}` : ''}`);
  }
});

function shutdown() {
  server.close(() => {
    void Promise.allSettled([connection.close(), tracing?.shutdown()]).finally(() => {
      void db.close().finally(() => process.exit(0));
    });
  });
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
