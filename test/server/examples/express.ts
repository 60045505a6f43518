// The README's Express example (docs/server.md), run by examples.test.ts.

import express from 'express';
import { createNodeHandler, createTokenHandler } from '../../../src/server-node.js';

const app = express();
app.use(express.json()); // optional: the token routes read bodies either way

app.use(
  '/agora',
  createNodeHandler(
    createTokenHandler({
      appId: process.env.AGORA_APP_ID!,
      appCertificate: process.env.AGORA_APP_CERTIFICATE!,
      // Your rule for who gets which token. Here: audience tokens only.
      authorize: (_request, grant) => grant.rtc?.role === 'subscriber',
    }),
  ),
);
app.get('/', (_req, res) => res.send('my app'));

export const server = app.listen(Number(process.env.PORT ?? 8082));
