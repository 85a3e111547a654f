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
