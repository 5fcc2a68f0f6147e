// A real OpenID Connect provider (npm `oidc-provider`) for the end-to-end tests, with
// its development login form: any login name is accepted and becomes the email claim.
import Provider from "oidc-provider";

export async function startOidcProvider(port: number, portalUrl: string): Promise<{ issuer: string; stop: () => void }> {
  const issuer = `http://localhost:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: "parity-e2e",
        client_secret: "parity-e2e-client-secret",
        redirect_uris: [`${portalUrl}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    async findAccount(_ctx, id) {
      return { accountId: id, claims: async () => ({ sub: id, email: id, email_verified: true, name: id.split("@")[0] }) };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["parity-e2e-cookie-key"] },
  });
  const server = provider.listen(port);
  await new Promise((r) => server.once("listening", r));
  return { issuer, stop: () => server.close() };
}
