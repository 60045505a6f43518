/**
 * The `agora-tokens` command line: build, inspect, verify and diagnose Agora tokens, and
 * start the token server. Built to `dist/cli.js` with a shebang; run `agora-tokens --help`.
 * @module
 */
import { nodeIo } from './cli/io.js';
import { main } from './cli/main.js';

// exitCode, not exit(): stdout is flushed first, and `serve` keeps running on its server.
process.exitCode = await main(process.argv.slice(2), nodeIo());
