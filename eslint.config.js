import * as figmaPlugin from '@figma/eslint-plugin-figma-plugins'
import { defineConfig } from 'eslint/config'
import tseslint from 'typescript-eslint'

// typescript-eslint's recommended rules everywhere; Figma's own rules (sync APIs banned under
// documentAccess: dynamic-page, and similar) on the sandbox, where they need type information.
export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'screenshots/**'] },
  tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    plugins: { '@figma/figma-plugins': figmaPlugin },
    rules: { ...figmaPlugin.flatConfigs.recommended.rules },
  },
  {
    // Test doubles, servers and scripts talk to the terminal on purpose.
    files: ['test/**', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
)
