import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { devLoginEnabled, env, oidcEnabled } from "@/lib/env";
import { findActiveUserIdByEmail } from "@/lib/data/users/load-principal";
import { DEV_SECRET } from "./dev-secret";

const ZDevLoginSchema = z.object({ email: z.email() });

/**
 * Sessions are JWTs carrying the user id only; roles are re-read from the
 * database on every request (requireUser), so a removed role takes effect at once.
 */
export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET ?? DEV_SECRET,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/signin", error: "/signin" },
  useSecureCookies: env.NODE_ENV === "production" && (env.NEXTAUTH_URL?.startsWith("https://") ?? false),
  providers: [
    ...(oidcEnabled
      ? [
          {
            id: "oidc",
            name: env.OIDC_NAME,
            type: "oauth" as const,
            wellKnown: `${env.OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
            authorization: { params: { scope: "openid email profile" } },
            idToken: true,
            checks: ["pkce", "state"] as ("pkce" | "state")[],
            profile(profile: { sub: string; email?: string; name?: string }) {
              return { id: profile.sub, email: profile.email ?? profile.sub, name: profile.name ?? profile.email ?? profile.sub };
            },
          },
        ]
      : []),
    ...(devLoginEnabled
      ? [
          CredentialsProvider({
            id: "dev",
            name: "Development sign-in",
            credentials: { email: { label: "Email", type: "email" } },
            async authorize(credentials) {
              const parsed = ZDevLoginSchema.safeParse(credentials);
              if (!parsed.success) return null;
              const id = await findActiveUserIdByEmail(parsed.data.email);
              return id ? { id, email: parsed.data.email } : null;
            },
          }),
        ]
      : []),
  ],
  callbacks: {
    async signIn({ user, account }) {
      if (account?.provider === "dev") return true;
      // OIDC: only people Parity knows (by email) and who are active may sign in.
      const email = user.email?.toLowerCase();
      return Boolean(email && (await findActiveUserIdByEmail(email)));
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        const id = account.provider === "dev" ? user.id : await findActiveUserIdByEmail(user.email!.toLowerCase());
        return { sub: id ?? undefined, iat: token.iat, exp: token.exp, jti: token.jti };
      }
      return { sub: token.sub, iat: token.iat, exp: token.exp, jti: token.jti };
    },
    async session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub } } as typeof session;
    },
  },
};
