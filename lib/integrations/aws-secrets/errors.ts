// Turns any failure into a short text that is safe to store, log and show. SDK errors
// can carry the raw response ($response) and their messages can quote it, so nothing
// from a response body is copied: only the error's class name and HTTP status.
const RETRYABLE_NAMES = new Set(["ThrottlingException", "TooManyRequestsException", "RequestLimitExceeded", "Throttling", "ServiceUnavailable", "InternalServiceError", "InternalFailure", "TimeoutError", "RequestTimeout"]);
const NETWORK_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "ECONNABORTED", "UND_ERR_SOCKET"]);

interface SdkLikeError {
  name?: string;
  code?: string;
  $fault?: "client" | "server";
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
}

const FRIENDLY: Record<string, string> = {
  ThrottlingException: "Secrets Manager throttled the requests",
  AccessDeniedException: "the AWS credentials may not list or describe secrets",
  UnrecognizedClientException: "the AWS credentials were not recognised",
  InvalidSignatureException: "the AWS request signature was rejected",
  CredentialsProviderError: "no AWS credentials were found (environment, shared config, or instance role)",
  SyncProtocolError: "Secrets Manager answered in an unexpected way",
  SyntaxError: "Secrets Manager returned a response that could not be parsed",
};

export function isRetryable(error: unknown): boolean {
  const e = (error ?? {}) as SdkLikeError;
  if (e.name && RETRYABLE_NAMES.has(e.name)) return true;
  if (e.code && NETWORK_CODES.has(e.code)) return true;
  if (e.$retryable) return true;
  return e.$fault === "server" || (e.$metadata?.httpStatusCode ?? 0) >= 500;
}

export function safeErrorText(error: unknown): string {
  const e = (error ?? {}) as SdkLikeError & { message?: string };
  const name = typeof e.name === "string" && /^[\w.]{1,80}$/.test(e.name) ? e.name : "Error";
  const status = e.$metadata?.httpStatusCode;
  const network = e.code && NETWORK_CODES.has(e.code) ? `network error ${e.code}` : undefined;
  const deserialization = typeof e.message === "string" && /deserializ|unexpected end of json|json at position|unexpected token/i.test(e.message) ? "Secrets Manager returned a response that could not be parsed" : undefined;
  const own = name === "SyncProtocolError" && typeof e.message === "string" ? e.message : undefined;
  const friendly = own ?? deserialization ?? network ?? FRIENDLY[name] ?? "the request failed";
  return `${name}${status ? ` (HTTP ${status})` : ""}: ${friendly}`;
}
