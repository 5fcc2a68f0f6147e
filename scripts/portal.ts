// The operator's command line: `npm run portal -- <command>`.
// Uses DATABASE_URL, else the running dev server's embedded Postgres, else starts one.
import { parseArgs } from "node:util";
import { openDatabase, prismaFor } from "./lib/database";

const HELP = `Parity operator CLI — npm run portal -- <command>

  seed [--large]                         load the demo data (idempotent); --large adds the benchmark dataset
  users add <email> --name "Full Name" [--roles developer,qa]
  users roles <email> <role,role,...>    replace a user's roles (takes effect on their next request)
  users deactivate <email> | users activate <email>
  users list
  tokens create --name <name> (--user <email> | --ci) [--scopes read,deployments:write] [--expires-days 90]
                                         prints the token once; only its hash is stored
  tokens revoke <token-id>
  audit verify                           walk the audit hash chain; exit 1 on the first broken link
  sync secrets                           sync secret metadata from AWS Secrets Manager (list/describe only)
  migrate                                apply pending migrations

Roles: developer, qa, platform, executive, eng_leader`;

async function main() {
  const argv = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      large: { type: "boolean" },
      name: { type: "string" },
      roles: { type: "string" },
      user: { type: "string" },
      ci: { type: "boolean" },
      scopes: { type: "string" },
      "expires-days": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [group, command, ...rest] = positionals;
  if (!group || values.help) {
    console.log(HELP);
    return group ? 0 : 2;
  }
  const database = await openDatabase({ log: (l) => console.error(l) });
  process.env.DATABASE_URL = database.url;
  try {
    return await run(group, command, rest, values, database.url);
  } finally {
    const { db } = await import("@/lib/db");
    await db().$disconnect().catch(() => {});
    await database.stop();
  }
}

type Values = Record<string, string | boolean | undefined>;

const roleList = (s: string | undefined) => (s ? s.split(",").map((r) => r.trim()).filter(Boolean) : []);

async function run(group: string, command: string | undefined, rest: string[], values: Values, url: string): Promise<number> {
  const key = `${group} ${command ?? ""}`.trim();
  switch (key) {
    case "migrate":
      console.log("migrations are up to date");
      return 0;
    case "seed": {
      const { seed } = await import("../prisma/seed");
      const prisma = prismaFor(url);
      const t0 = Date.now();
      await seed(prisma, { log: console.log });
      if (values.large) {
        const { seedLarge } = await import("../prisma/seed/large");
        await seedLarge(prisma, { log: console.log });
      }
      await prisma.$disconnect();
      console.log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      return 0;
    }
    case "users add": {
      const { ZCreateUserSchema } = await import("@/lib/validations/users");
      const { createUser } = await import("@/lib/data/users/manage-users");
      const input = ZCreateUserSchema.parse({ email: rest[0], name: values.name ?? rest[0]?.split("@")[0], roles: roleList(values.roles as string) });
      const user = await createUser("operator", input);
      console.log(`created ${user.email} (${user.id}) with roles: ${input.roles.join(", ") || "none"}`);
      return 0;
    }
    case "users roles": {
      const { ZSetRolesSchema } = await import("@/lib/validations/users");
      const { setUserRoles, findUserIdByEmail } = await import("@/lib/data/users/manage-users");
      const userId = await findUserIdByEmail(rest[0] ?? "");
      const result = await setUserRoles("operator", ZSetRolesSchema.parse({ userId, roles: roleList(rest[1] ?? values.roles as string) }));
      console.log(`${rest[0]}: ${result.before.join(", ") || "none"} → ${result.after.join(", ") || "none"}`);
      return 0;
    }
    case "users deactivate":
    case "users activate": {
      const { setUserActive, findUserIdByEmail } = await import("@/lib/data/users/manage-users");
      await setUserActive("operator", await findUserIdByEmail(rest[0] ?? ""), command === "activate");
      console.log(`${rest[0]} ${command}d`);
      return 0;
    }
    case "users list": {
      const prisma = prismaFor(url);
      const users = await prisma.user.findMany({ select: { email: true, name: true, active: true, roles: { select: { role: true } } }, orderBy: { email: "asc" }, take: 500 });
      for (const u of users) console.log(`${u.active ? " " : "x"} ${u.email.padEnd(32)} ${u.name.padEnd(24)} ${u.roles.map((r) => r.role).join(",")}`);
      await prisma.$disconnect();
      return 0;
    }
    case "tokens create":
    case "tokens revoke": {
      const { tokensCommand } = await import("./portal-tokens");
      return tokensCommand(command!, rest, values);
    }
    case "audit verify": {
      const { verifyAuditChain } = await import("@/lib/data/audit/verify-audit-chain");
      const result = await verifyAuditChain();
      if (result.ok) console.log(`audit chain intact: ${result.checked} events verified${result.unsealed ? ` (${result.unsealed} not sealed yet: their transactions had not committed)` : ""}`);
      else console.error(`audit chain BROKEN at event ${result.firstBroken!.id}, chain position ${result.firstBroken!.seq} (${result.firstBroken!.reason}); ${result.checked} events before it are intact`);
      return result.ok ? 0 : 1;
    }
    case "sync secrets": {
      const { runSecretSync } = await import("@/lib/integrations/aws-secrets/run-sync");
      const run = await runSecretSync({ trigger: "cli", actor: null });
      console.log(JSON.stringify(run, null, 2));
      return run.status === "succeeded" ? 0 : 1;
    }
    default:
      console.error(`unknown command: ${key}\n\n${HELP}`);
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    const fields = (error as { fields?: Record<string, string[]>; issues?: { path: PropertyKey[]; message: string }[] });
    if (fields.issues) {
      console.error("error: invalid input");
      for (const i of fields.issues) console.error(`  ${i.path.join(".") || "input"}: ${i.message}`);
    } else {
      console.error(`error: ${(error as Error).message}`);
      for (const [field, messages] of Object.entries(fields.fields ?? {})) console.error(`  ${field}: ${messages.join(" ")}`);
    }
    process.exit(1);
  },
);
