// The README's plain node:http example (docs/server.md), run by examples.test.ts.

import { createServer } from 'node:http';
import { createNodeHandler, createTokenHandler } from '../../../src/server-node.js';

const tokens = createNodeHandler(
  createTokenHandler({
    appId: process.env.AGORA_APP_ID!,
    appCertificate: process.env.AGORA_APP_CERTIFICATE!,
  }),
);

export const server = createServer((req, res) => tokens(req, res)).listen(Number(process.env.PORT ?? 8082));
