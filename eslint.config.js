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
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read the environment only in harness/config/readEnv.ts (or an entry script in scripts/).' }],
    },
  },
  {
    files: ['harness/config/readEnv.ts', 'scripts/**', 'reference-impl/platform/server.ts', 'test/**', 'vitest.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
