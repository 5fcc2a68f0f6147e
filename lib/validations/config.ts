import { z } from "zod";
import { CONFIG_LAYERS } from "@/lib/domain/config-layers";
import { CONFIG_KEY, MAX_IMPORT_BYTES, MAX_VALUE_LENGTH } from "@/lib/domain/dotenv";
import { detectSecret } from "@/lib/domain/secret-detection";

const slug = z.string().trim().min(1).max(100);
export const ZLayer = z.enum(CONFIG_LAYERS as [typeof CONFIG_LAYERS[number], ...typeof CONFIG_LAYERS[number][]]);
export const ZConfigKey = z.string().trim().min(1, "Key is required").max(200, "At most 200 characters").regex(CONFIG_KEY, "Letters, digits, _ . - and not starting with a digit");
/** A secret-manager reference: a path like production/database/password, never a value. */
export const SECRET_REFERENCE = /^[A-Za-z0-9_+=.@-]+(\/[A-Za-z0-9_+=.@-]+)+$/;

const ZComment = z.string().trim().max(500, "At most 500 characters").default("");

export const ZSaveConfigEntrySchema = z
  .object({
    env: slug,
    service: slug,
    layer: ZLayer,
    key: ZConfigKey,
    value: z.string().max(MAX_VALUE_LENGTH, `At most ${MAX_VALUE_LENGTH} characters`).default(""),
    delete: z.coerce.boolean().default(false),
    /** The entry's version the editor saw; 0 for a new key. */
    expectedVersion: z.coerce.number().int().min(0),
    comment: ZComment,
  })
  .superRefine((v, ctx) => {
    if (v.layer === "secret" && !v.delete) {
      if (!SECRET_REFERENCE.test(v.value) || detectSecret(v.value))
        ctx.addIssue({ code: "custom", path: ["value"], message: "The secret layer holds references like production/database/password, never a secret value" });
    }
  });
export type TSaveConfigEntry = z.infer<typeof ZSaveConfigEntrySchema>;

export const ZRestoreConfigVersionSchema = z.object({
  env: slug,
  service: slug,
  layer: ZLayer,
  key: ZConfigKey,
  /** The version to bring back. */
  version: z.coerce.number().int().min(1),
  expectedVersion: z.coerce.number().int().min(1),
  comment: ZComment,
});
export type TRestoreConfigVersion = z.infer<typeof ZRestoreConfigVersionSchema>;

export const ZImportSchema = z.object({
  env: slug,
  service: slug,
  layer: ZLayer,
  text: z.string().max(MAX_IMPORT_BYTES * 2, "The file is larger than 1 MB"),
  format: z.enum(["auto", "env", "json", "yaml"]).default("auto"),
  filename: z.string().max(255).optional(),
  /** merge: set the file's keys, leave others; replace: also delete keys not in the file. */
  mode: z.enum(["merge", "replace"]).default("merge"),
  comment: ZComment,
});
export type TImport = z.infer<typeof ZImportSchema>;

export const ZApplyImportSchema = ZImportSchema.extend({
  /** The layer's state the preview was computed on; a different state is a conflict. */
  basis: z.string().min(1).max(200),
});
export type TApplyImport = z.infer<typeof ZApplyImportSchema>;

export const CONFIG_PAGE_SIZE = 25;
export const CONFIG_PAGE_MAX = 100;
/** A key name in a URL (cursor, anchor, edit target); anything else is ignored, never an error page. */
const urlKey = z.string().min(1).max(200).optional().catch(undefined);

/** The service config page's URL: layer tab, key filter, keyset cursors, page size, the key to land on or edit. */
export const ZServiceConfigQuerySchema = z.object({
  layer: ZLayer.optional().catch(undefined),
  /** Case-insensitive substring of the key name, for the effective table and the layer's entries. */
  q: z.string().trim().max(200).optional().transform((v) => v || undefined).catch(undefined),
  /** Effective table: the page after this key. */
  after: urlKey,
  /** Layer entries: the page after this key. */
  lafter: urlKey,
  /** Effective table: show the page holding this key (links to a key's anchor). */
  key: urlKey,
  /** The key of the selected layer whose edit form is open. */
  edit: urlKey,
  history: urlKey,
  changes: z.string().min(1).max(500).optional().catch(undefined),
  per: z.coerce.number().int().min(1).max(CONFIG_PAGE_MAX).default(CONFIG_PAGE_SIZE).catch(CONFIG_PAGE_SIZE),
});
export type TServiceConfigQuery = z.infer<typeof ZServiceConfigQuerySchema>;

export const ZCompareQuerySchema = z.object({
  from: slug,
  to: slug,
  service: slug.optional(),
});
export type TCompareQuery = z.infer<typeof ZCompareQuerySchema>;

export const ZMarkIntendedSchema = z.object({
  from: slug,
  to: slug,
  service: slug,
  key: ZConfigKey,
  reason: z.string().trim().min(3, "Say why this difference is on purpose").max(500, "At most 500 characters"),
});
export type TMarkIntended = z.infer<typeof ZMarkIntendedSchema>;

export const ZUnmarkIntendedSchema = ZMarkIntendedSchema.omit({ reason: true });
export type TUnmarkIntended = z.infer<typeof ZUnmarkIntendedSchema>;

export const ZExportSchema = z.object({
  layer: z.union([ZLayer, z.literal("effective")]).default("effective"),
  format: z.enum(["env", "json"]).default("env"),
});

/** A CI snapshot of one layer: key → value pairs. */
export const ZConfigSnapshotSchema = z.object({
  layer: ZLayer,
  entries: z.record(ZConfigKey, z.string().max(MAX_VALUE_LENGTH)).refine((e) => Object.keys(e).length <= 5000, "At most 5000 keys"),
  mode: z.enum(["merge", "replace"]).default("replace"),
  comment: ZComment,
});
export type TConfigSnapshot = z.infer<typeof ZConfigSnapshotSchema>;
