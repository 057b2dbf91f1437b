// Imported first by every process entry point: on an unsupported Node.js the process stops here,
// with a French message, before any other module (database, jobs) is evaluated.
import { isSupportedNodeVersion, unsupportedNodeMessage } from './node-version.ts';

if (!isSupportedNodeVersion(process.versions.node)) {
  process.stderr.write(`${unsupportedNodeMessage(process.versions.node)}\n`);
  process.exit(1);
}
