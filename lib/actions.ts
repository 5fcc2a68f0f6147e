import "server-only";
import { ZodError } from "zod";
import { AppError, toErrorBody, type ErrorBody } from "@/lib/errors";
import { log } from "@/lib/log";

export type ActionResult<T = null> = { ok: true; data: T } | ({ ok: false } & ErrorBody);

/**
 * Every server action is a public POST endpoint: it starts from requireUser() inside
 * `fn`, parses its input with zod, calls the DAL, and returns field errors instead of
 * throwing. Redirects and notFound() from `fn` pass through.
 */
export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    if (error instanceof ZodError) {
      const fields: Record<string, string[]> = {};
      for (const issue of error.issues) (fields[issue.path.join(".") || "_"] ??= []).push(issue.message);
      return { ok: false, error: { code: "UNPROCESSABLE", message: "Some fields are invalid.", fields } };
    }
    if (!(error instanceof AppError)) log.error({ err: error }, "server action failed");
    return { ok: false, ...toErrorBody(error).body };
  }
}

function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown })?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND");
}
