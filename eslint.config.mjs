import officeAddins from 'eslint-plugin-office-addins';
import tsParser from '@typescript-eslint/parser';
import reactPlugin from 'eslint-plugin-react';

// office-addins' recommended set (what office-addin-lint runs) brings its own @typescript-eslint
// and prettier plugins. Its last block covers .ts but not .tsx, so it is widened here rather than
// registering the plugins a second time (flat config refuses a redefined plugin).
const recommended = officeAddins.configs.recommended.map((block) =>
  block.files ? { ...block, files: ['**/*.{js,mjs,cjs,ts,cts,mts,tsx}'] } : block,
);

export default [
  {
    ignores: [
      'dist/**',
      'lib/**',
      'node_modules/**',
      'out/**',
      'bench/out/**',
      'coverage/**',
      'test/output/**',
    ],
  },
  ...recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      // TypeScript itself reports undefined names, and knows the DOM and Node globals.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { react: reactPlugin },
    settings: { react: { version: '18' } },
    rules: { 'react/jsx-key': 'error' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off', '@typescript-eslint/no-var-requires': 'off' },
  },
  { files: ['**/*.mjs'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
];
