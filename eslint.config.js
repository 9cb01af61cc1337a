import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import boundaries from './eslint/boundaries.js';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**', 'dist/**', '**/.next/**', 'storybook-static/**', 'coverage/**',
      'example/next-env.d.ts', 'bench/node_modules/**', 'test-results/**', '.fixtures/**', '.exp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Each folder of src/ imports only what eslint/boundaries.js allows it.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    rules: { 'boundaries/folders': 'error' },
  },
  {
    // Scripts, the emulator CLI, benchmarks and e2e drivers talk to a terminal on purpose.
    files: ['scripts/**', 'src/emulator/**', 'bench/**', 'test/e2e/**', 'example/scripts/**', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // The reference README's blocks, character for character (test/contract/reference-parity checks it).
    files: ['example/snippets/composable-proxy*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
);
