import { defineConfig } from "prisma/config";

// The Prisma CLI is used only for `generate` here; migrations are applied by
// scripts/db (see STACK.md: the native schema engine is unreachable).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/parity" },
});
