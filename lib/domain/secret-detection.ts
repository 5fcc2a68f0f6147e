// Does a value look like a secret? Known credential shapes first, then entropy for
// long random-looking tokens. Used to flag values sitting in non-secret layers and to
// mask them wherever config is shown.

export interface SecretMatch {
  kind: string;
  label: string;
}

const PATTERNS: { kind: string; label: string; re: RegExp }[] = [
  { kind: "aws_access_key", label: "AWS access key id", re: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { kind: "stripe_live_key", label: "Stripe live secret key", re: /\b(sk|rk)_live_[0-9a-zA-Z]{10,}/ },
  { kind: "stripe_test_key", label: "Stripe test secret key", re: /\b(sk|rk)_test_[0-9a-zA-Z]{10,}/ },
  { kind: "sendgrid_key", label: "SendGrid API key", re: /\bSG\.[\w-]{16,}\.[\w-]{16,}/ },
  { kind: "private_key", label: "Private key block", re: /-----BEGIN ([A-Z]+ )*PRIVATE KEY( BLOCK)?-----/ },
  { kind: "github_token", label: "GitHub token", re: /\b(ghp|gho|ghu|ghs|ghr)_[0-9A-Za-z]{30,}\b|\bgithub_pat_[0-9A-Za-z_]{40,}/ },
  { kind: "slack_token", label: "Slack token", re: /\bxox[abposr]-[0-9A-Za-z-]{10,}/ },
  { kind: "google_api_key", label: "Google API key", re: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { kind: "jwt", label: "JSON web token", re: /\beyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,}/ },
  { kind: "url_credentials", label: "Password in a URL", re: /[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:[^\s@/]{3,}@/i },
];

/** A Stripe live secret key: the value that must never be outside production. */
export const LIVE_PAYMENT_KEY = /\b(sk|rk)_live_[0-9a-zA-Z]{10,}/;

/** Shannon entropy in bits per character. */
export function shannonEntropy(s: string): number {
  if (!s) return 0;
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  const n = [...s].length;
  for (const k of counts.values()) {
    const p = k / n;
    h -= p * Math.log2(p);
  }
  return h;
}

const ENTROPY_MIN_LENGTH = 24;
const ENTROPY_THRESHOLD = 4.0;

/**
 * A value looks like a secret when it matches a known credential pattern, or when it is
 * one long token (no spaces, not a URL/path/number) with high entropy and mixed classes.
 */
export function detectSecret(value: string): SecretMatch | null {
  for (const p of PATTERNS) if (p.re.test(value)) return { kind: p.kind, label: p.label };
  const v = value.trim();
  if (v.length < ENTROPY_MIN_LENGTH || /\s/.test(v)) return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || v.startsWith("/") || /^[\d.,_-]+$/.test(v)) return null;
  const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((re) => re.test(v)).length;
  if (classes < 2) return null;
  if (shannonEntropy(v) >= ENTROPY_THRESHOLD) return { kind: "high_entropy", label: "High-entropy token" };
  return null;
}

/** What may be shown of a secret-looking value: its first characters only. */
export function maskValue(value: string): string {
  const head = [...value].slice(0, 4).join("");
  return `${head}…(${[...value].length} chars, masked)`;
}
