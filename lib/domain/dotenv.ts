// Parsing an import into one config layer: .env, JSON or YAML. Errors name the line.
// Nothing here is partial: a file with any error yields no entries.
import { parseDocument, isMap, isScalar, LineCounter, type Node } from "yaml";

export type ImportFormat = "env" | "json" | "yaml";

export interface ImportEntry {
  key: string;
  value: string;
  line: number;
}

export interface ImportError {
  line: number | null;
  message: string;
}

export type ImportResult = { ok: true; entries: ImportEntry[] } | { ok: false; errors: ImportError[] };

interface Parsed {
  entries: ImportEntry[];
  errors: ImportError[];
}

export const MAX_IMPORT_BYTES = 1_000_000;
export const MAX_VALUE_LENGTH = 65_536;
/** Env-var style and dotted config keys: letters, digits, `_`, `.`, `-`; no leading digit. */
export const CONFIG_KEY = /^[A-Za-z_][A-Za-z0-9_.-]{0,199}$/;

export function keyProblem(key: string): string | null {
  if (!key) return "The key is empty";
  if (key.length > 200) return "The key is longer than 200 characters";
  if (!CONFIG_KEY.test(key)) return `"${key}" is not a valid key (letters, digits, _ . - and not starting with a digit)`;
  return null;
}

function looksBinary(text: string): boolean {
  // NUL or other C0 controls (except tab/newline/carriage return), or the replacement
  // character a decoder leaves for invalid UTF-8.
  return /[\u0000-\u0008\u000E-\u001F\uFFFD]/.test(text);
}

export function detectFormat(text: string, filename?: string): ImportFormat {
  const name = filename?.toLowerCase() ?? "";
  if (name.endsWith(".json")) return "json";
  if (name.endsWith(".yaml") || name.endsWith(".yml")) return "yaml";
  if (name.endsWith(".env") || name.startsWith(".env")) return "env";
  const t = text.trimStart();
  if (t.startsWith("{")) return "json";
  return /^[ \t]*(export[ \t]+)?[A-Za-z_][A-Za-z0-9_.-]*[ \t]*=/m.test(text) ? "env" : "yaml";
}

export function parseImport(text: string, format: ImportFormat = detectFormat(text)): ImportResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_IMPORT_BYTES) return { ok: false, errors: [{ line: null, message: `The file is ${bytes.toLocaleString("en-US")} bytes; the limit is 1 MB (${MAX_IMPORT_BYTES.toLocaleString("en-US")} bytes).` }] };
  if (looksBinary(text)) {
    const line = text.slice(0, text.search(/[\u0000-\u0008\u000E-\u001F\uFFFD]/)).split("\n").length;
    return { ok: false, errors: [{ line, message: "The file looks binary (control characters or invalid UTF-8); only text files can be imported." }] };
  }
  const raw = format === "env" ? parseEnv(text) : format === "json" ? parseJson(text) : parseYaml(text);
  const errors: ImportError[] = [...raw.errors];
  const seen = new Map<string, number>();
  for (const e of raw.entries) {
    const problem = keyProblem(e.key);
    if (problem) errors.push({ line: e.line, message: problem });
    const first = seen.get(e.key);
    if (first !== undefined) errors.push({ line: e.line, message: `Duplicate key "${e.key}" (first set on line ${first})` });
    else seen.set(e.key, e.line);
    if (e.value.length > MAX_VALUE_LENGTH) errors.push({ line: e.line, message: `The value of "${e.key}" is longer than ${MAX_VALUE_LENGTH} characters` });
  }
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return errors.length ? { ok: false, errors } : { ok: true, entries: raw.entries };
}

function parseEnv(text: string): Parsed {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const entries: ImportEntry[] = [];
  const errors: ImportError[] = [];
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i].trim();
    if (!line || line.startsWith("#")) continue;
    const m = /^(?:export\s+)?([^=\s]*)\s*=\s*(.*)$/.exec(line);
    if (!m) {
      errors.push({ line: lineNo, message: `Expected KEY=value, found "${line.slice(0, 40)}"` });
      continue;
    }
    const [, key, rest] = m;
    let value = rest;
    const quote = rest[0];
    if (quote === '"' || quote === "'" || quote === "`") {
      // A quoted value may span lines until its closing quote.
      let body = rest.slice(1);
      let end = closingQuote(body, quote);
      let j = i;
      while (end < 0 && j + 1 < lines.length) {
        j++;
        body += "\n" + lines[j];
        end = closingQuote(body, quote);
      }
      if (end < 0) {
        errors.push({ line: lineNo, message: `The value of "${key}" opens a ${quote} quote that never closes` });
        break;
      }
      value = body.slice(0, end);
      if (quote === '"') value = value.replace(/\\n/g, "\n").replace(/\\"/g, '"').replace(/\\\\/g, "\\");
      i = j;
    } else {
      value = rest.replace(/\s+#.*$/, "").trim();
    }
    entries.push({ key, value, line: lineNo });
  }
  return { entries, errors };
}

function closingQuote(body: string, quote: string): number {
  for (let k = 0; k < body.length; k++) {
    if (body[k] === "\\" && quote === '"') k++;
    else if (body[k] === quote) return k;
  }
  return -1;
}

function scalarString(v: unknown): string | null {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return null;
}

function parseJson(text: string): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = String((e as Error).message).split("\n")[0];
    const pos = /position (\d+)/.exec(message);
    // Older engines give no position: the YAML parser (a JSON superset) can locate it.
    const line = pos ? text.slice(0, Number(pos[1])).split("\n").length : (parseDocument(text).errors[0]?.linePos?.[0].line ?? null);
    return { entries: [], errors: [{ line, message: `Not valid JSON: ${message}` }] };
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return { entries: [], errors: [{ line: 1, message: "The JSON must be an object of key/value pairs" }] };
  // JSON.parse keeps the last duplicate silently; find duplicates and lines by scanning.
  const keyLines = new Map<string, number[]>();
  const re = /"((?:[^"\\]|\\.)*)"\s*:/g;
  for (let m; (m = re.exec(text)); ) {
    const k = JSON.parse(`"${m[1]}"`) as string;
    keyLines.set(k, [...(keyLines.get(k) ?? []), text.slice(0, m.index).split("\n").length]);
  }
  const entries: ImportEntry[] = [];
  const errors: ImportError[] = [];
  const flat = flatten(data as Record<string, unknown>);
  for (const [key, value] of flat) {
    const leaf = key.split(".").pop()!;
    const lines = keyLines.get(key) ?? keyLines.get(leaf) ?? [null];
    const s = scalarString(value);
    if (s === null) {
      errors.push({ line: lines[0] ?? null, message: `The value of "${key}" must be a string, number, boolean or null` });
      continue;
    }
    for (const extra of lines.slice(1)) if (keyLines.get(key)) errors.push({ line: extra, message: `Duplicate key "${key}" (first set on line ${lines[0]})` });
    entries.push({ key, value: s, line: lines[0] ?? 1 });
  }
  return { entries, errors };
}

/** Nested objects become dotted keys (`{database: {pool: {min: 2}}}` → `database.pool.min`). */
function flatten(obj: Record<string, unknown>, prefix = ""): [string, unknown][] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === "object" && !Array.isArray(v) ? flatten(v as Record<string, unknown>, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]],
  );
}

function parseYaml(text: string): Parsed {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  const lineOf = (offset: number | undefined) => (offset === undefined ? null : lineCounter.linePos(offset).line);
  if (doc.errors.length) return { entries: [], errors: doc.errors.map((e) => ({ line: e.linePos?.[0].line ?? null, message: `Not valid YAML: ${e.message.split("\n")[0]}` })) };
  if (doc.contents === null) return { entries: [], errors: [] };
  if (!isMap(doc.contents)) return { entries: [], errors: [{ line: 1, message: "The YAML must be a mapping of keys to values" }] };
  const entries: ImportEntry[] = [];
  const errors: ImportError[] = [];
  const walk = (node: Node, prefix: string) => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      const k = isScalar(keyNode) ? String(keyNode.value) : "";
      const line = lineOf(keyNode?.range?.[0]) ?? 1;
      const full = `${prefix}${k}`;
      const v = pair.value as Node | null;
      if (isMap(v)) walk(v, `${full}.`);
      else if (v === null || isScalar(v)) {
        const s = scalarString(v === null ? null : (v.value as unknown));
        if (s === null) errors.push({ line, message: `The value of "${full}" must be a scalar` });
        else entries.push({ key: full, value: s, line });
      } else errors.push({ line, message: `The value of "${full}" must be a scalar, not a list` });
    }
  };
  walk(doc.contents, "");
  return { entries, errors };
}
