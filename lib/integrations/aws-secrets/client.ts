import "server-only";
import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { env } from "@/lib/env";

export interface ClientOptions {
  /** Overrides AWS_ENDPOINT_URL_SECRETS_MANAGER (tests point this at the fake). */
  endpoint?: string;
  region?: string;
  /** SDK attempts per call (standard retry mode: exponential backoff with jitter, throttling-aware). */
  maxAttempts?: number;
}

/**
 * A Secrets Manager client with the standard SDK configuration: region from AWS_REGION,
 * the default credential chain (env vars, shared config/SSO, web identity, ECS/EC2
 * roles), AWS_ENDPOINT_URL_SECRETS_MANAGER when set.
 */
export function secretsManagerClient(options: ClientOptions = {}): SecretsManagerClient {
  const endpoint = options.endpoint ?? env.AWS_ENDPOINT_URL_SECRETS_MANAGER;
  return new SecretsManagerClient({
    region: options.region ?? env.AWS_REGION,
    ...(endpoint ? { endpoint } : {}),
    maxAttempts: options.maxAttempts ?? 4,
    retryMode: "standard",
  });
}
