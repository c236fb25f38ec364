// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import architecture from './lint/architecture.cjs';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'jest.config.js',
      'eslint.config.mjs',
      'bench/results/**',
      'web/src/api/schema.d.ts',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Nest's DI and decorators make these noisy without catching real faults.
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/require-await': 'off',
      // One strict instant validator and one null policy for the whole API (libs/common/src/http/dto-decorators.ts).
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'class-validator',
              importNames: ['IsDateString', 'IsISO8601', 'IsDate', 'isDateString', 'isISO8601'],
              message: 'Use IsIsoInstant or IsIsoDate from @lib/common: they refuse impossible dates.',
            },
            {
              name: 'class-validator',
              importNames: ['IsOptional'],
              message: 'Use Optional (null refused) or Nullable (null meaningful) from @lib/common.',
            },
            {
              name: '@nestjs/swagger',
              importNames: ['PartialType'],
              message: 'Use PartialDto from @lib/common: PartialType lets null through to NOT NULL columns.',
            },
            {
              name: '@nestjs/mapped-types',
              importNames: ['PartialType'],
              message: 'Use PartialDto from @lib/common: PartialType lets null through to NOT NULL columns.',
            },
          ],
        },
      ],
    },
  },
  {
    // The layers and boundaries of README "Architecture", enforced: see lint/architecture.cjs.
    files: ['**/*.ts'],
    plugins: { arch: architecture },
    rules: architecture.rulesConfig,
  },
  {
    // The lint rules themselves: plain CommonJS, outside the TypeScript project.
    files: ['lint/**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The web app: one typed API client; features use its named types (web/src/api/types.ts).
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    ignores: ['web/src/api/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'openapi-fetch', message: 'Use the client in web/src/api/client.ts.' }],
          patterns: [{ group: ['**/api/schema'], message: 'Use the named types in web/src/api/types.ts.' }],
        },
      ],
    },
  },
);
