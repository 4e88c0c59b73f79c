// ESLint (flat config) with type information. Two things it enforces that review used to have to remember:
// - no promise is left floating, anywhere (an activity call in a workflow or a write in the API that nobody
//   awaits is a bug that tests rarely catch): await it, or `void` it with a comment saying why;
// - domain/ and workflows/ stay pure: no Node built-in and nothing at run time from api/, db/, activities/ or a
//   server-side package. Workflows run in Temporal's deterministic sandbox and the domain is plain rules;
//   `import type` stays allowed, as that is how a workflow names its activities for proxyActivities.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const PURE = 'domain/ and workflows/ are deterministic and free of I/O';

const pureCoreImports = {
  // `fs`, `fs/promises`, `child_process`, ... (the `node:` forms are the first pattern below).
  paths: builtinModules
    .filter((name) => !name.startsWith('_'))
    .map((name) => ({ name, message: `${PURE}: no Node built-in.` })),
  patterns: [
    { group: ['node:*'], message: `${PURE}: no Node built-in.` },
    {
      // The app's impure layers, from any depth: '../db/schema', '../../activities', '../api/context', ...
      regex: '^\\.{1,2}/(?:.*/)?(?:api|db|activities)(?:/.*)?$',
      allowTypeImports: true,
      message: `${PURE}: nothing from api/, db/ or activities/ at run time (\`import type\` of an activity interface is fine).`,
    },
    {
      group: [
        '@temporalio/activity',
        '@temporalio/client',
        '@temporalio/testing',
        '@temporalio/worker',
        'better-sqlite3',
        'drizzle-orm',
        'drizzle-orm/*',
        'graphql',
        'graphql-yoga',
      ],
      allowTypeImports: true,
      message: `${PURE}: no server-side package at run time.`,
    },
  ],
};

export default defineConfig(
  {
    ignores: [
      'node_modules/',
      'api/generated/',
      'web/src/gql/',
      'web/dist/',
      'drizzle/',
      'drizzle-pg/',
      '.data/',
      '.tools/',
      'test/histories/',
      'test/fixtures/',
      'bench/results/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        // Files outside tsconfig.json's `include` get a default project.
        projectService: { allowDefaultProject: ['codegen.ts', 'eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // A promise where a boolean or a spread is expected; not where a callback's result is ignored (node:http's
      // createServer(yoga) is how yoga is served).
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      // Tests and scripts read GraphQL answers as `any` on purpose; the types that matter are checked by tsc.
      '@typescript-eslint/no-explicit-any': 'off',
      // `const { id: _id, ...rest } = row` is how a column is left out.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_' }],
      // Input validation matches control characters on purpose.
      'no-control-regex': 'off',
      // Chinese text in comments and templates has ideographic spaces (U+3000) on purpose.
      'no-irregular-whitespace': ['error', { skipComments: true, skipStrings: true, skipTemplates: true }],
    },
  },
  {
    files: ['domain/**/*.ts', 'workflows/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', pureCoreImports],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'global', 'require', '__dirname', '__filename', 'setImmediate', 'clearImmediate'].map(
          (name) => ({ name, message: `${PURE}: no Node global.` }),
        ),
      ],
    },
  },
);
