import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; pgPool?: pg.Pool };

function createPool(): pg.Pool {
  if (!env.DATABASE_URL) throw new AppError("UNAVAILABLE", "DATABASE_URL is not set: start the portal with `npm run dev` or set it.");
  return new pg.Pool({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_MAX, connectionTimeoutMillis: env.DATABASE_POOL_TIMEOUT_MS });
}

/** The Prisma client, one per process, over `pool()`. Only lib/data/** may import this (lint-enforced). */
export function db(): PrismaClient {
  globalForPrisma.prisma ??= new PrismaClient({ adapter: new PrismaPg(pool()) });
  return globalForPrisma.prisma;
}

/**
 * The connection pool under `db()`, for the one read every request makes (the data
 * generations, lib/data/generations.ts): a primary-key read of integers, where Prisma's
 * per-query work was ~0.2 ms of each page's server time. Everything else goes through `db()`.
 */
export function pool(): pg.Pool {
  globalForPrisma.pgPool ??= createPool();
  return globalForPrisma.pgPool;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
