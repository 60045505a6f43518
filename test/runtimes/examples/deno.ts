// README "Runtimes", Deno: run by the deno binary as it is, the package resolved from node_modules.

import { createTokenHandler } from 'agora-tokens/server';

const handler = createTokenHandler({ appId: Deno.env.get('AGORA_APP_ID')!, appCertificate: Deno.env.get('AGORA_APP_CERTIFICATE')! });
Deno.serve({ port: Number(Deno.env.get('PORT') ?? 8080) }, handler);
