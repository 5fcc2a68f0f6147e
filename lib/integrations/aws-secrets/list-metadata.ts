import "server-only";
import { DescribeSecretCommand, ListSecretsCommand, ResourceNotFoundException, type SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import type { AwsSecretMetadata } from "./map";

// The only two operations this integration may send. GetSecretValue and
// BatchGetSecretValue are never imported here or anywhere else in the portal.

/** Every secret in the account, page by page (ListSecrets with NextToken). */
export async function listAllSecretMetadata(client: SecretsManagerClient, onPage?: (listedSoFar: number) => Promise<void> | void): Promise<AwsSecretMetadata[]> {
  const all: AwsSecretMetadata[] = [];
  let nextToken: string | undefined;
  const seenTokens = new Set<string>();
  do {
    const page = await client.send(new ListSecretsCommand({ MaxResults: 100, NextToken: nextToken, IncludePlannedDeletion: false }));
    all.push(...(page.SecretList ?? []).map(pickMetadata));
    nextToken = page.NextToken || undefined;
    if (nextToken && seenTokens.has(nextToken)) throw new SyncProtocolError("Secrets Manager returned the same NextToken twice; stopping to avoid an endless listing.");
    if (nextToken) seenTokens.add(nextToken);
    await onPage?.(all.length);
  } while (nextToken);
  for (const s of all) {
    if (!s.Name || !s.ARN) throw new SyncProtocolError("Secrets Manager listed a secret without a name or ARN.");
  }
  return all;
}

/**
 * DescribeSecret for the secrets that are new or changed since the last sync (the listing
 * is a summary; describe is authoritative). A secret deleted between list and describe
 * is dropped from the result, so the run marks it deleted.
 */
export async function describeChanged(client: SecretsManagerClient, listed: AwsSecretMetadata[], needsDescribe: (s: AwsSecretMetadata) => boolean, concurrency = 8): Promise<AwsSecretMetadata[]> {
  const out: (AwsSecretMetadata | null)[] = listed.slice();
  const queue = listed.map((s, i) => [s, i] as const).filter(([s]) => needsDescribe(s));
  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      const [s, i] = queue[next++];
      try {
        const d = await client.send(new DescribeSecretCommand({ SecretId: s.ARN }));
        out[i] = { ...s, ...pickMetadata(d) };
      } catch (error) {
        if (error instanceof ResourceNotFoundException) out[i] = null;
        else throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  return out.filter((s): s is AwsSecretMetadata => s !== null);
}

/** Copies only the metadata fields Parity knows: nothing unexpected in a response travels further. */
export function pickMetadata(d: AwsSecretMetadata): AwsSecretMetadata {
  const { ARN, Name, Description, KmsKeyId, RotationEnabled, RotationRules, LastRotatedDate, LastChangedDate, NextRotationDate, DeletedDate, Tags } = d;
  return Object.fromEntries(Object.entries({ ARN, Name, Description, KmsKeyId, RotationEnabled, RotationRules, LastRotatedDate, LastChangedDate, NextRotationDate, DeletedDate, Tags }).filter(([, v]) => v !== undefined));
}

export class SyncProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SyncProtocolError";
  }
}
