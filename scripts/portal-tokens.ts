// `tokens create|revoke` for the CLI, on top of the tokens DAL.
type Values = Record<string, string | boolean | undefined>;

export async function tokensCommand(command: string, rest: string[], values: Values): Promise<number> {
  const specifier = "@/lib/data/tokens/create-token";
  const mod = (await import(specifier).catch(() => null)) as {
    createToken: (o: { actor: "operator"; name: string; kind: "user" | "ci"; userEmail?: string; scopes: string[]; expiresAt?: Date }) => Promise<{ id: string; token: string }>;
  } | null;
  if (!mod) throw new Error("API tokens are not available in this build.");
  if (command === "create") {
    const days = values["expires-days"] ? Number(values["expires-days"]) : undefined;
    const created = await mod.createToken({
      actor: "operator",
      name: String(values.name ?? ""),
      kind: values.ci ? "ci" : "user",
      userEmail: values.user as string | undefined,
      scopes: String(values.scopes ?? "read").split(",").map((s) => s.trim()).filter(Boolean),
      expiresAt: days ? new Date(Date.now() + days * 86_400_000) : undefined,
    });
    console.log(`token ${created.id} created. It is shown only now; store it safely:\n\n${created.token}\n`);
    return 0;
  }
  const revoke = (mod as { revokeToken?: (actor: "operator", id: string) => Promise<unknown> }).revokeToken;
  if (!revoke) throw new Error("Token revocation is not available in this build.");
  await revoke("operator", rest[0] ?? "");
  console.log(`token ${rest[0]} revoked`);
  return 0;
}
