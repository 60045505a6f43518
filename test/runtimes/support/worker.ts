// The workerd test's worker: the token handler created at module scope (where Workers' clock
// reads 0), answering every route; POST /__vectors runs the codec workload inside the worker.
import { createTokenHandler } from '../../../src/server.js';
import { runVectors } from './vector-run.js';

const handler = createTokenHandler({ appId: '970CA35de60c44645bbae8a215061b33', appCertificate: '5CFd2fd1755d40ecb72977518be15d3b', rateLimit: false });

export default {
  async fetch(request: Request): Promise<Response> {
    if (new URL(request.url).pathname === '/__vectors') {
      const { v006, v007 } = (await request.json()) as { v006: never[]; v007: never[] };
      return Response.json(runVectors(v006, v007));
    }
    return handler(request);
  },
};
