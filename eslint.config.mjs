import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next*/**", "generated/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "bench-results/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Only the Data Access Layer talks to the database (STYLE.md habit 1).
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/data/**", "lib/db.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@/lib/db", message: "Only lib/data/** may use the database client." }],
          patterns: [{ group: ["@/generated/prisma/client", "**/generated/prisma/client"], message: "Only lib/data/** may use the Prisma client; import types from @/generated/prisma/enums." }],
        },
      ],
    },
  },
  {
    // Pure domain logic: no I/O.
    files: ["lib/domain/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/data/*", "@/lib/db", "next/*", "pg", "node:fs", "node:net"], message: "lib/domain is pure: no I/O." }] }],
    },
  },
];

export default config;
