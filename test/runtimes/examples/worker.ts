// README "Runtimes", Cloudflare Workers: bundled from the package as Wrangler would and served by workerd.

import { type TokenHandler, createTokenHandler } from 'agora-tokens/server';

interface Env {
  AGORA_APP_ID: string;
  AGORA_APP_CERTIFICATE: string;
}

let handler: TokenHandler | undefined; // created on the first request: the secrets arrive in `env`

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    handler ??= createTokenHandler({ appId: env.AGORA_APP_ID, appCertificate: env.AGORA_APP_CERTIFICATE });
    return handler(request);
  },
};
