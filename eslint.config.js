// Lint config: typescript-eslint's recommended rules on all TypeScript; generated output is ignored.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/**', 'reports/**', '.scaleproof/**', 'scenarios/k6/**/*.js', 'test/fixtures/**'] /* recorded k6 output, kept byte for byte */ },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read the environment only in harness/config/readEnv.ts (readProcessEnv, processSecrets, childEnvironment).' }],
    },
  },
  {
    // The engine imports no workload: workloads reach it as units passed in (scenarios/registry.ts names them).
    files: ['harness/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          group: ['**/scenarios/*/**', '!**/scenarios/k6/**', '**/scenarios/registry*', '**/seeders/*/**', '!**/seeders/engine/**', '**/reference-impl/*/**', '!**/reference-impl/platform/**', '**/thresholds/**'],
          message: 'harness/ is the engine and imports no workload; take what you need from the Workload unit passed in (harness/workload/Workload.ts).',
        }],
      }],
    },
  },
  {
    files: ['harness/config/readEnv.ts', 'test/**', 'vitest.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
