import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS and ESM without an exports map: Node (and so graphql-yoga) loads the CommonJS
    // build, Vite would pick the ESM one for our sources. Two copies break `instanceof GraphQLError`.
    // Both projects inherit it (`extends: true`).
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    // Native addons (Temporal core, better-sqlite3) are happiest in child processes.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        // Domain and input rules, the read model and its statistics on SQLite, the API with a Temporal client
        // whose server is down: no Go, Java or Maven, no server, no global setup. `npm run test:unit`.
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // In a run of both projects (`npm test`), unit runs first, then system.
          sequence: { groupOrder: 0 },
        },
      },
      {
        // The read model on the machine's PostgreSQL (started when down), each test file in a database of its own.
        extends: true,
        test: {
          name: 'postgres',
          include: ['test/postgres/**/*.test.ts'],
          globalSetup: ['test/support/postgres-setup.ts'],
          sequence: { groupOrder: 1 },
        },
      },
      {
        // On the real servers: the Temporal CLI's dev server and the Java time-skipping test server, which the
        // global setup locates (building or resolving them when missing). `npm run test:system`.
        extends: true,
        test: {
          name: 'system',
          include: ['test/system/**/*.test.ts'],
          // PostgreSQL too: the deployment's tests run Fengqiao on it.
          globalSetup: ['test/support/global-setup.ts', 'test/support/postgres-setup.ts'],
          sequence: { groupOrder: 2 },
        },
      },
      {
        // The console in the machine's Chromium (playwright-core), against one system its global setup starts as
        // processes — dev server, worker, API serving web/dist (built when stale). `npx vitest run --project browser`.
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/support/browser-setup.ts'],
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
