// Loads Prisma's wasm schema engine by hand (Node 20 cannot import the package's
// `.wasm` entry) and exposes the one operation Parity needs: a SQL diff between
// two datamodels. See ../shared/design/STACK.md.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);

type Source = { tag: "empty" } | { tag: "schemaDatamodel"; files: { path: string; content: string }[] };

interface Engine {
  diff(params: unknown): Promise<unknown>;
}

let wasmModule: Promise<{ SchemaEngine: { new: (...args: unknown[]) => Promise<Engine> } }> | null = null;
const engines = new Map<string, Promise<Engine>>();

// The wasm module keeps global state: instantiate it once per process.
function loadWasm() {
  wasmModule ??= (async () => {
    const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bg = await import(pathToFileURL(bgPath).href);
    const bytes = await readFile(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bg;
  })();
  return wasmModule;
}

function loadEngine(databaseUrl: string, schemaPath: string, schema: string): Promise<Engine> {
  const key = `${databaseUrl}\n${schema}`;
  let engine = engines.get(key);
  if (!engine) {
    engine = loadWasm().then((bg) => {
      const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
      return bg.SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, () => {}, adapter);
    });
    engines.set(key, engine);
  }
  return engine;
}

/** The SQL that takes a database from `from` to `to`; empty when they match. */
export async function diffSql(databaseUrl: string, from: Source, to: Source): Promise<string> {
  const schemaPath = path.resolve("prisma/schema.prisma");
  const schema = await readFile(schemaPath, "utf8");
  const engine = await loadEngine(databaseUrl, schemaPath, schema);
  const result = (await engine.diff({ from, to, script: true, exitCode: true, filters: { externalTables: [], externalEnums: [] } })) as {
    exitCode: number;
    stdout?: string;
  };
  return result.exitCode === 0 ? "" : (result.stdout ?? "");
}

export function datamodel(filePath: string, content: string): Source {
  return { tag: "schemaDatamodel", files: [{ path: filePath, content }] };
}
