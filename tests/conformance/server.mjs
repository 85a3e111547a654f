// A real, independent authorization server for tests/conformance.rs: node's oidc-provider
// (v9, OpenID certified), configured for the grants specs/openid.yaml describes.
//
//   node tests/conformance/server.mjs [port]      (or PORT=...; 0 or nothing: any free port)
//
// Prints `LISTENING <port>` as its first stdout line once it accepts connections (issuer
// `http://127.0.0.1:<port>`), then one `AUTH <client_id> <grant_type> <method>` line per
// token issued, naming how the client authenticated on that request (`client_secret_basic`
// when an `Authorization: Basic` header came, `client_secret_post` when the secret came in the
// body). Exits when stdin closes (the test dropped it) or on SIGTERM/SIGINT.
//
// With CONFORMANCE_OIDC=1 (tests/oidc_conformance.rs), the provider also signs with RSA, P-256
// and Ed25519 keys made fresh at every start (restarting on the same port rotates the keys),
// serves profile claims, allows the hybrid response types, and registers OpenID clients:
// `conf-es256` (ES256 ID tokens, hybrid flows), `conf-eddsa` (EdDSA ID tokens),
// `conf-sjwt` (client_secret_jwt) and, when CONFORMANCE_CLIENT_JWKS holds a public JWKS,
// `conf-pkjwt` (private_key_jwt with those keys). Without it nothing changes.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import http from 'node:http';
import process from 'node:process';

import Provider from 'oidc-provider';

const REDIRECT_URI = 'http://127.0.0.1:1/cb';

const requested = process.argv[2] ?? process.env.PORT ?? '0';
const port = Number.parseInt(requested, 10);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`server.mjs: bad port ${JSON.stringify(requested)}`);
  process.exit(2);
}

// Bound before the provider exists: the issuer must name the port, and with port 0 only the
// listening socket knows it.
const server = http.createServer();
await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(port, '127.0.0.1', resolve);
});
const { port: actual } = server.address();
const issuer = `http://127.0.0.1:${actual}`;

const oidcMode = process.env.CONFORMANCE_OIDC === '1';
const OIDC_REDIRECT = { redirect_uris: [REDIRECT_URI], application_type: 'native' };
function freshKey(type, options, prefix) {
  const { privateKey } = generateKeyPairSync(type, options);
  return { ...privateKey.export({ format: 'jwk' }), kid: `${prefix}-${randomUUID()}`, use: 'sig' };
}
const oidcClients = !oidcMode ? [] : [
  {
    client_id: 'conf-es256',
    client_secret: 'conf-es256-secret',
    ...OIDC_REDIRECT,
    response_types: ['code', 'code id_token', 'code id_token token'],
    grant_types: ['authorization_code', 'implicit', 'refresh_token'],
    id_token_signed_response_alg: 'ES256',
    scope: 'openid offline_access profile email',
  },
  {
    client_id: 'conf-eddsa',
    client_secret: 'conf-eddsa-secret',
    ...OIDC_REDIRECT,
    response_types: ['code'],
    grant_types: ['authorization_code'],
    id_token_signed_response_alg: 'EdDSA',
    scope: 'openid profile email',
  },
  {
    client_id: 'conf-sjwt',
    client_secret: 'conf-sjwt-secret-that-is-long-enough-for-hs256',
    token_endpoint_auth_method: 'client_secret_jwt',
    token_endpoint_auth_signing_alg: 'HS256',
    redirect_uris: [],
    response_types: [],
    grant_types: ['client_credentials'],
    scope: 'api_read',
  },
  ...(!process.env.CONFORMANCE_CLIENT_JWKS ? [] : [{
    client_id: 'conf-pkjwt',
    token_endpoint_auth_method: 'private_key_jwt',
    jwks: JSON.parse(process.env.CONFORMANCE_CLIENT_JWKS),
    redirect_uris: [],
    response_types: [],
    grant_types: ['client_credentials'],
    scope: 'api_read',
  }]),
];
const oidcConfig = !oidcMode ? {} : {
  jwks: {
    keys: [
      freshKey('rsa', { modulusLength: 2048 }, 'rsa'),
      freshKey('ec', { namedCurve: 'P-256' }, 'ec'),
      freshKey('ed25519', {}, 'ed'),
    ],
  },
  responseTypes: ['code', 'code id_token', 'code id_token token', 'none'],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  findAccount: async (_ctx, sub) => ({
    accountId: sub,
    claims: async () => ({
      sub,
      email: `${sub}@example.test`,
      email_verified: true,
      name: 'Conformance User',
    }),
  }),
};

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'conf-basic',
      client_secret: 'conf-basic-secret',
      token_endpoint_auth_method: 'client_secret_basic',
      redirect_uris: [REDIRECT_URI],
      response_types: ['code'],
      grant_types: [
        'authorization_code',
        'refresh_token',
        'client_credentials',
        'urn:ietf:params:oauth:grant-type:device_code',
      ],
      scope: 'openid offline_access profile email api_read',
    },
    {
      client_id: 'conf-post',
      client_secret: 'conf-post-secret',
      token_endpoint_auth_method: 'client_secret_post',
      redirect_uris: [],
      response_types: [],
      grant_types: ['client_credentials'],
      scope: 'api_read',
    },
    ...oidcClients,
  ],
  // Identifier-like only: the specs' scope syntax has no `:`.
  scopes: ['openid', 'offline_access', 'profile', 'email', 'address', 'phone', 'api_read'],
  features: {
    devInteractions: { enabled: true },
    clientCredentials: { enabled: true },
    revocation: { enabled: true },
    introspection: { enabled: true },
    deviceFlow: { enabled: true },
  },
  issueRefreshToken: async () => true,
  rotateRefreshToken: true,
  // Short access tokens, so that expiry and refresh happen for real within a test.
  ttl: {
    AccessToken: 5,
    ClientCredentials: 5,
    DeviceCode: 120,
    AuthorizationCode: 60,
    RefreshToken: 3600,
    Grant: 3600,
    Session: 3600,
    Interaction: 600,
  },
  // Expired means expired (the default accepts tokens 15 s past `exp`).
  clockTolerance: 0,
  cookies: { keys: ['conformance-test-cookie-key'] },
  ...oidcConfig,
});

// How the client authenticated on this token request (not how it is registered).
function authMethod(ctx) {
  if (/^basic /i.test(ctx.get('authorization') ?? '')) return 'client_secret_basic';
  if (ctx.oidc?.body?.client_secret !== undefined) return 'client_secret_post';
  return 'none';
}

provider.on('grant.success', (ctx) => {
  const grantType = ctx.oidc?.params?.grant_type ?? '?';
  console.log(`AUTH ${ctx.oidc?.client?.clientId ?? '?'} ${grantType} ${authMethod(ctx)}`);
});
provider.on('server_error', (_ctx, err) => {
  console.error('server_error', err);
});

server.on('request', provider.callback());
console.log(`LISTENING ${actual}`);

function shutdown() {
  server.close();
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
// The test holds our stdin; when it goes away (drop, crash), so do we.
process.stdin.on('end', shutdown);
process.stdin.on('close', shutdown);
process.stdin.resume();
