/** `npm run build:web`: bundles the web pages' scripts into dist/web. */
import { buildWebBundle, WEB_BUNDLE_DIR } from './web-bundle.js';

await buildWebBundle();
process.stdout.write(`web scripts bundled into ${WEB_BUNDLE_DIR}\n`);
