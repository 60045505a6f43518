// Every entry's runtime exports are exactly the documented API: an internal helper that
// leaks (an `export *`, a stray re-export) makes this fail with the name it leaked.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

const ERRORS = ['AgoraTokenError', 'InvalidArgumentError', 'TokenFormatError', 'TokenVerificationError'];

const EXPECTED: Record<string, { src: string; names: string[] }> = {
  'agora-tokens': {
    src: '../../src/index.js',
    names: [
      ...ERRORS,
      'CHANNEL_NAME_PUNCTUATION', 'DEFAULT_CLOCK_TOLERANCE', 'DEFAULT_COMPRESSION', 'DEFAULT_EXPIRES_IN', 'DEFAULT_RTC_ROLE',
      'DEFAULT_VERSION', 'DIAGNOSE_SERVICES', 'DIAGNOSIS_CODES', 'MAX_ACCOUNT_BYTES', 'MAX_CHANNEL_NAME_BYTES', 'MAX_EXPIRES_IN',
      'NO_OWN_LIMIT', 'Rtm2Permissions', 'TOKEN_MAX_LIFETIME', 'buildApaasToken', 'buildChatToken', 'buildConvoAIToken',
      'buildEducationToken', 'buildFpaToken', 'buildRtcToken', 'buildRtmToken', 'buildSttToken', 'decodeToken', 'diagnoseToken',
      'inspectToken', 'verifyToken',
    ],
  },
  'agora-tokens/006': {
    src: '../../src/006.js',
    names: [
      ...ERRORS,
      'AccessToken', 'MESSAGE_TS_OFFSET', 'Priviledges', 'Privileges', 'RtcRole', 'RtcTokenBuilder', 'RtmRole', 'RtmTokenBuilder',
      'VERSION_006', 'decodeToken006', 'priviledges', 'version',
    ],
  },
  'agora-tokens/007': {
    src: '../../src/007.js',
    names: [
      ...ERRORS,
      'AccessToken2', 'ApaasTokenBuilder', 'BareService', 'ChatTokenBuilder', 'ConvoAITokenBuilder', 'DEFAULT_COMPRESSION',
      'DEFAULT_EXPIRE', 'EducationTokenBuilder', 'FPA_TOKEN_EXPIRE', 'FpaTokenBuilder', 'RtcRole', 'RtcTokenBuilder',
      'Rtm2Permissions', 'RtmTokenBuilder', 'SERVICE_TYPES', 'Service', 'ServiceApaas', 'ServiceChat', 'ServiceConvoAI',
      'ServiceFCdn', 'ServiceFpa', 'ServiceRtc', 'ServiceRtm', 'ServiceRtm2', 'ServiceStreaming', 'ServiceStt', 'SttTokenBuilder',
      'VERSION_007', 'decodeToken007', 'kApaasServiceType', 'kChatServiceType', 'kConvoAIServiceType', 'kFCdnServiceType',
      'kFpaServiceType', 'kRtcServiceType', 'kRtm2ServiceType', 'kRtmServiceType', 'kStreamingServiceType', 'kSttServiceType',
    ],
  },
  'agora-tokens/legacy': {
    src: '../../src/legacy.js',
    names: [
      'ALLOW_UPLOAD_IN_CHANNEL', 'AgoraTokenError', 'DynamicKey', 'DynamicKey2', 'DynamicKey3', 'DynamicKey4', 'DynamicKey4ServiceType',
      'DynamicKey5', 'DynamicKey5ServiceType', 'InvalidArgumentError', 'ONE_DAY_SECONDS', 'SIGNALING_VERSION', 'SignalingToken',
      'TokenFormatError', 'VERSION_003', 'VERSION_004', 'VERSION_005', 'audioVideoUpload', 'decodeLegacyKey', 'noUpload',
    ],
  },
  'agora-tokens/client': {
    src: '../../src/client.js',
    names: ['AgoraTokenError', 'TokenFetchError', 'TokenMismatchError', 'bindChatConnection', 'bindRtcClient', 'bindRtmClient', 'createTokenSource'],
  },
  'agora-tokens/server': {
    src: '../../src/server.js',
    names: [
      'ConfigError', 'DEFAULT_CORS_ALLOW_ORIGIN', 'DEFAULT_PORT', 'DEFAULT_RATE_LIMIT', 'DEMO_APP_CERTIFICATE', 'DEMO_APP_ID',
      'DEFAULT_STORE_TIMEOUT_MS', 'MAX_BODY_BYTES', 'MIN_SHARED_SECRET_LENGTH', 'RateLimiter', 'createMemoryStore', 'createRedisStore', 'createTokenHandler',
    ],
  },
};
EXPECTED['agora-tokens/server/node'] = {
  src: '../../src/server-node.js',
  names: [
    ...EXPECTED['agora-tokens/server']!.names,
    'DEFAULT_BODY_TIMEOUT_MS', 'DEFAULT_MAX_CONNECTIONS', 'DEFAULT_SHUTDOWN_TIMEOUT_MS', 'DEFAULT_TIMEOUTS', 'closeGracefully', 'createNodeHandler',
    'createTokenServer', 'startCluster', 'startServer',
  ],
};

const INTERNAL = ['invalidArgument', 'invalidArgumentDescribed', 'describeValue'];

beforeAll(() => {
  if (!existsSync(`${root}/dist/index.js`)) execFileSync('npx', ['tsup'], { cwd: root, stdio: 'ignore' });
}, 60_000);

describe('runtime export names', () => {
  for (const [entry, { src, names }] of Object.entries(EXPECTED)) {
    it(`${entry} exports exactly its public API`, async () => {
      const mod = await import(src);
      expect(Object.keys(mod).sort()).toEqual([...names].sort());
      for (const name of INTERNAL) expect(mod, name).not.toHaveProperty(name);
    });
  }

  it('the built ESM and CJS files export the same names as the sources', () => {
    const script = `const out = {}; for (const e of ${JSON.stringify(Object.keys(EXPECTED))}) out[e] = [Object.keys(require(e)).sort(), Object.keys(await import(e)).filter((k) => k !== 'default' && k !== 'module.exports').sort()]; console.log(JSON.stringify(out));`;
    const built = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); ${script}`], { cwd: root, encoding: 'utf8' }));
    for (const [entry, { names }] of Object.entries(EXPECTED)) {
      expect(built[entry], entry).toEqual([[...names].sort(), [...names].sort()]);
    }
  });
});

describe('ConfigError', () => {
  it('is an AgoraTokenError with code ERR_CONFIG, from both server entries', async () => {
    const root = await import('../../src/index.js');
    const server = await import('../../src/server.js');
    const node = await import('../../src/server-node.js');
    expect(node.ConfigError).toBe(server.ConfigError);
    const error = new server.ConfigError('PORT', 'PORT must be a whole number');
    expect(error).toBeInstanceOf(root.AgoraTokenError);
    expect(error.code).toBe('ERR_CONFIG');
    expect(error.variable).toBe('PORT');
    expect(error.name).toBe('ConfigError');
  });
});
