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
// `conf-es256` (ES256 ID tokens, hybrid flows), `conf-ps256` (PS256), `conf-eddsa` (EdDSA),
// `conf-sjwt` (client_secret_jwt) and, when CONFORMANCE_CLIENT_JWKS holds a public JWKS,
// `conf-pkjwt` (private_key_jwt with those keys); it requires a server nonce in every DPoP
// proof, requires pushed authorization requests when CONFORMANCE_PAR_REQUIRED=1, and forges
// ID tokens on request (see `forge` below). Without it nothing changes.
import {
  createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, randomUUID, sign,
} from 'node:crypto';
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
    client_id: 'conf-ps256',
    client_secret: 'conf-ps256-secret',
    ...OIDC_REDIRECT,
    response_types: ['code'],
    grant_types: ['authorization_code'],
    id_token_signed_response_alg: 'PS256',
    scope: 'openid profile email',
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
const signingKeys = !oidcMode ? [] : [
  freshKey('rsa', { modulusLength: 2048 }, 'rsa'),
  freshKey('ec', { namedCurve: 'P-256' }, 'ec'),
  freshKey('ed25519', {}, 'ed'),
];
const oidcConfig = !oidcMode ? {} : {
  jwks: { keys: signingKeys },
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
    ...(!oidcMode ? {} : {
      // Every DPoP proof must carry a server nonce: the first proof of a client is always
      // answered with `use_dpop_nonce` and a `DPoP-Nonce` (RFC 9449 §8, §9).
      dPoP: { enabled: true, nonceSecret: randomBytes(32), requireNonce: () => true },
      pushedAuthorizationRequests: {
        enabled: true,
        requirePushedAuthorizationRequests: process.env.CONFORMANCE_PAR_REQUIRED === '1',
      },
    }),
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

// OIDC mode only: forged ID tokens and metadata, for the refusals oidc-provider cannot be made
// to produce. `GET /test/forge?kind=<kind>` arms one forgery for the next token response that
// carries an ID token (or, for `discovery-issuer`, the next discovery document); each kind
// breaks exactly one property of the real token, re-signed with the provider's own RSA key
// where the signature must stay valid:
//   signature   the real token, one bit of its signature flipped
//   audience    `aud` another client's
//   issuer      `iss` another issuer's
//   expired     `exp` an hour ago (and `iat` two)
//   no-nonce    `nonce` removed
//   replay      the previous ID token this server issued (another authorization's nonce)
//   none        `alg: none`, no signature
//   hs256       `alg: HS256` under the RSA key's `kid`, the HMAC keyed with its public key
//   discovery-issuer   the discovery document's `issuer` another issuer's
// Every forgery prints `FORGED <kind>`; every DPoP nonce challenge `CHALLENGE <path>`; every
// pushed authorization request `PUSHED`; every JWKS served `JWKS`. `GET /test/mark?m=<text>`
// prints `MARK <text>`, so a test knows every line before it has been read.
const b64u = (buf) => Buffer.from(buf).toString('base64url');
const decodePart = (part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
const rsaJwk = signingKeys[0];
function rs256(header, payload) {
  const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}`;
  const signature = sign('sha256', Buffer.from(input), createPrivateKey({ key: rsaJwk, format: 'jwk' }));
  return `${input}.${b64u(signature)}`;
}
function forge(kind, real, previous) {
  const [h, p, s] = real.split('.');
  const header = { alg: 'RS256', typ: 'JWT', kid: rsaJwk.kid };
  const payload = decodePart(p);
  const now = Math.floor(Date.now() / 1000);
  switch (kind) {
    case 'signature': {
      const sig = Buffer.from(s, 'base64url');
      sig[0] ^= 1;
      return `${h}.${p}.${b64u(sig)}`;
    }
    case 'audience': return rs256(header, { ...payload, aud: 'another-client', azp: undefined });
    case 'issuer': return rs256(header, { ...payload, iss: 'http://127.0.0.1:1' });
    case 'expired': return rs256(header, { ...payload, exp: now - 3600, iat: now - 7200 });
    case 'no-nonce': return rs256(header, { ...payload, nonce: undefined });
    case 'replay': return previous;
    case 'none': return `${b64u(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${p}.`;
    case 'hs256': {
      const input = `${b64u(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: rsaJwk.kid }))}.${p}`;
      const publicPem = createPublicKey({ key: rsaJwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
      return `${input}.${b64u(createHmac('sha256', publicPem).update(input).digest())}`;
    }
    default: throw new Error(`unknown forgery ${kind}`);
  }
}
let armed = null;
let lastIdToken = null;
if (oidcMode) {
  provider.use(async (ctx, next) => {
    if (ctx.path === '/test/mark') {
      console.log(`MARK ${ctx.query.m}`);
      ctx.status = 204;
      return;
    }
    if (ctx.path === '/test/forge') {
      armed = ctx.query.kind;
      ctx.status = 204;
      return;
    }
    await next();
    const body = ctx.body;
    if (ctx.path === '/jwks') console.log('JWKS');
    if (ctx.path === '/request' && ctx.status === 201) console.log('PUSHED');
    if (ctx.response.get('DPoP-Nonce') && (ctx.status === 400 || ctx.status === 401)) {
      console.log(`CHALLENGE ${ctx.path}`);
    }
    if (ctx.path === '/.well-known/openid-configuration' && armed === 'discovery-issuer' && body) {
      armed = null;
      ctx.body = { ...body, issuer: 'http://127.0.0.1:1' };
      console.log('FORGED discovery-issuer');
    }
    if (ctx.path === '/token' && body && typeof body === 'object' && typeof body.id_token === 'string') {
      const real = body.id_token;
      if (armed && armed !== 'discovery-issuer') {
        const kind = armed;
        armed = null;
        ctx.body = { ...body, id_token: forge(kind, real, lastIdToken) };
        console.log(`FORGED ${kind}`);
      }
      lastIdToken = real;
    }
  });
}

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
