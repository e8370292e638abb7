// Jest 30 in native ESM mode through ts-jest (see ../shared/research/node-ecosystem-and-style.md §2.5, setup A).
import { createDefaultEsmPreset } from 'ts-jest';

const preset = createDefaultEsmPreset({ tsconfig: 'tsconfig.json', isolatedModules: true });

/** @type {import('jest').Config} */
export default {
  ...preset,
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // Type errors are caught by `npm run typecheck` (run first by `npm test`); ts-jest only transpiles.
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.cjs'],
  testTimeout: 30000,
};
