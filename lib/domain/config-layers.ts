import type { ConfigLayer } from "@/generated/prisma/enums";

export const CONFIG_LAYERS: readonly ConfigLayer[] = ["default", "file", "secret", "env", "flag"];

export const DEFAULT_PRECEDENCE: readonly ConfigLayer[] = ["flag", "env", "secret", "file", "default"];

export const LAYER_LABEL: Record<ConfigLayer, string> = {
  default: "Code default",
  file: "Config file",
  secret: "Secret manager",
  env: "Environment variable",
  flag: "Runtime flag",
};
