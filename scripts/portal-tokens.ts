// `tokens create|revoke` for the CLI, on top of the tokens DAL.
import { createToken, revokeToken } from "@/lib/data/tokens/create-token";

type Values = Record<string, string | boolean | undefined>;

export async function tokensCommand(command: string, rest: string[], values: Values): Promise<number> {
  if (command === "create") {
    const days = values["expires-days"] ? Number(values["expires-days"]) : undefined;
    const created = await createToken({
      actor: "operator",
      name: String(values.name ?? ""),
      kind: values.ci ? "ci" : "user",
      userEmail: values.user as string | undefined,
      scopes: String(values.scopes ?? "read").split(",").map((s) => s.trim()).filter(Boolean),
      expiresAt: days ? new Date(Date.now() + days * 86_400_000) : undefined,
    });
    console.log(`token ${created.id} (${created.name}; scopes ${created.scopes.join(", ")}) created. It is shown only now; store it safely:\n\n${created.token}\n`);
    return 0;
  }
  await revokeToken("operator", rest[0] ?? "");
  console.log(`token ${rest[0]} revoked`);
  return 0;
}
