// One jest run for every kind of test: unit specs beside the code, contract suites and
// end-to-end tests under test/. ts-jest only transpiles; `npm test` type-checks first.
// `npm test` runs two files at a time (--maxWorkers=2): every file has its own temp folder, its own
// ports (0) and its own copy of process.env, so files in parallel cannot disturb each other.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/libs', '<rootDir>/apps/api', '<rootDir>/test', '<rootDir>/bench'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  moduleNameMapper: {
    '^@duban/(domain|event-store|read-models)$': '<rootDir>/libs/$1/src',
    '^@duban/(domain|event-store|read-models)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  testTimeout: 30000,
  testSequencer: '<rootDir>/test/support/slow-files-first.js',
};
