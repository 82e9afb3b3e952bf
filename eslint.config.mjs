import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next/',
      'out/',
      'public/',
      'test-results/',
      'playwright-report/',
      'reports/',
      'bench-results/',
      'next-env.d.ts',
      // AssemblyScript, compiled by scripts/build-wasm.mjs, not by tsc.
      'lib/**/assembly/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      // Native <dialog> closes on Escape; the autofocus puts the caret in the text box at once.
      'jsx-a11y/no-autofocus': 'off',
    },
  },
  {
    // lib/ is framework-free and typed strictly.
    files: ['lib/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'next', 'next/*', '@/components/*'],
              message: 'lib/ is framework-free.',
            },
          ],
        },
      ],
    },
  },
  {
    // The story document depends on nothing else.
    files: ['lib/story/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../*', '@/*', 'fabric', 'react'], message: 'lib/story imports nothing.' },
          ],
        },
      ],
    },
  },
  {
    // Components never construct Fabric objects: that is the adapter's job.
    files: ['components/**/*.tsx', 'app/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'fabric', message: 'Use lib/editor/fabric.' }] },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', 'scripts/**', 'tests/**', '*.config.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Node scripts; benchmarks also pass functions to the page, hence the browser globals.
    files: ['**/*.mjs', '**/*.js', 'scripts/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
