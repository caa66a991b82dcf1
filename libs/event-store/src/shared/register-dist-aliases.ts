import * as fs from 'node:fs';
import * as path from 'node:path';
import { register } from 'tsconfig-paths';

/**
 * The compiled CLI still says `require("@duban/domain")`. Map `@duban/*` onto the compiled libs
 * beside this file (dist/libs/<name>/src), so `node dist/…/migrate-store.cli.js` runs on its own.
 * Under ts-jest or ts-node the TypeScript sources are used instead and nothing needs mapping.
 */
const distRoot = path.resolve(__dirname, '..', '..', '..', '..');
if (fs.existsSync(path.join(distRoot, 'libs', 'domain', 'src', 'index.js'))) {
  register({ baseUrl: distRoot, paths: { '@duban/*': ['libs/*/src'] }, addMatchAll: false });
}
