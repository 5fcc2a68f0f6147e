import "server-only";
import { dataGenerations } from "@/lib/data/generations";

/**
 * The config data state: a counter bumped by statement triggers, in the writer's own
 * transaction, on any change to config entries, intended differences, environments,
 * services or the precedence setting (migration 20261125222334_config_generation).
 * Caches of results computed from that data key on it: one primary-key read (shared with
 * the other generations, once per render) tells whether they are current.
 */
export async function configGeneration(): Promise<bigint> {
  return (await dataGenerations()).config;
}
