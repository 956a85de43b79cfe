// A relying party as Creatio's integrations are one: discovery, a client_credentials token, and the token verified
// against the JWKS by kid (openid-client with its own JOSE library). Prints the verified header, or fails.
import * as client from 'openid-client';
import { jwtVerify, createRemoteJWKSet } from 'jose';

const [issuer, clientId, secret] = process.argv.slice(2);
const config = await client.discovery(new URL(issuer), clientId, secret, undefined, { execute: [client.allowInsecureRequests] });
const tokens = await client.clientCredentialsGrant(config);
const meta = config.serverMetadata();
const jwks = createRemoteJWKSet(new URL(meta.jwks_uri));
const { payload, protectedHeader } = await jwtVerify(tokens.access_token, jwks, { issuer: meta.issuer });
console.log(JSON.stringify({ alg: protectedHeader.alg, kid: protectedHeader.kid, iss: payload.iss }));
