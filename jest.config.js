// office-addin-mock 4 depends on ES-module-only packages (strip-bom, uuid);
// Jest on Node 20 loads CommonJS, so those few packages are transformed too.
const esmPackages = [
  'office-addin-mock',
  'office-addin-manifest',
  '@microsoft/app-manifest',
  'strip-bom',
  'uuid',
];
const tsJest = [
  'ts-jest',
  {
    tsconfig: {
      jsx: 'react-jsx',
      module: 'commonjs',
      moduleResolution: 'node10',
      allowJs: true,
      isolatedModules: true,
    },
  },
];

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 120000,
  transform: {
    '^.+\\.(ts|tsx)$': tsJest,
    '^.+\\.(js|mjs)$': tsJest,
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/lib/'],
  // Scratch files of manual runs live under test/output (git-ignored); never run them as tests.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/output/'],
};
