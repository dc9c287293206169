import tseslint from 'typescript-eslint';
import { contractsPurity, corePurity, sharedPurity } from './tools/eslint/purity.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'coverage/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    plugins: { onething: { rules: { 'core-purity': corePurity } } },
    rules: {
      'onething/core-purity': 'error',
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'src/core has no clock: pass dates in as strings.' },
        { name: 'process', message: 'src/core does no I/O.' },
        { name: 'setTimeout', message: 'src/core has no timers.' },
        { name: 'setInterval', message: 'src/core has no timers.' },
        { name: 'fetch', message: 'src/core does no I/O.' },
        { name: 'console', message: 'src/core does no I/O.' },
        { name: 'Buffer', message: 'src/core must run in the browser too.' },
        { name: 'require', message: 'src/core imports nothing outside itself.' },
      ],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'src/core is deterministic.' }],
    },
  },
  {
    // Read by the server and the browser: no Node built-ins, nothing outside itself.
    files: ['src/shared/**/*.ts'],
    ignores: ['src/shared/**/*.test.ts'],
    plugins: { onething: { rules: { 'shared-purity': sharedPurity } } },
    rules: {
      'onething/shared-purity': 'error',
      'no-restricted-globals': ['error', { name: 'process', message: 'src/shared does no I/O.' }, { name: 'Buffer', message: 'src/shared must run in the browser too.' }],
    },
  },
  {
    files: ['src/contracts/**/*.ts'],
    plugins: { onething: { rules: { 'contracts-purity': contractsPurity } } },
    rules: {
      'onething/contracts-purity': 'error',
      'no-restricted-globals': ['error', { name: 'process', message: 'src/contracts does no I/O.' }, { name: 'Buffer', message: 'src/contracts must run in the browser too.' }],
    },
  },
);
