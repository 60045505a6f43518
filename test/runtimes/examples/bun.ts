// README "Runtimes", Bun: run by the bun binary as it is, the package resolved from node_modules.

import { createTokenHandler } from 'agora-tokens/server';

const handler = createTokenHandler({ appId: process.env.AGORA_APP_ID!, appCertificate: process.env.AGORA_APP_CERTIFICATE! });
Bun.serve({ port: Number(process.env.PORT ?? 8080), fetch: handler });
