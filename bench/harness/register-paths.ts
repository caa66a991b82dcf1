import * as path from 'node:path';
import { register } from 'tsconfig-paths';

/**
 * The compiled bench keeps the `@duban/*` imports of the libs; map them onto the compiled tree
 * (dist/bench/libs/…), not onto the TypeScript sources the root tsconfig points at.
 * Must be the first import of every entry point.
 */
const compiledRoot = path.resolve(__dirname, '..', '..');
register({
  baseUrl: compiledRoot,
  paths: {
    '@duban/domain': ['libs/domain/src'],
    '@duban/domain/*': ['libs/domain/src/*'],
    '@duban/event-store': ['libs/event-store/src'],
    '@duban/event-store/*': ['libs/event-store/src/*'],
    '@duban/read-models': ['libs/read-models/src'],
    '@duban/read-models/*': ['libs/read-models/src/*'],
  },
});
