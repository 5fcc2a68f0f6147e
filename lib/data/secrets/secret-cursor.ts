import { AppError } from "@/lib/errors";
import { nulPath } from "@/lib/domain/storable";

/** An opaque keyset cursor: the sort key of the last row and its id. */
export interface SecretCursor {
  k: string | null;
  id: string;
}

export function encodeCursor(c: SecretCursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

export function decodeCursor(raw: string): SecretCursor {
  try {
    const parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown;
    if (parsed && typeof parsed === "object" && typeof (parsed as SecretCursor).id === "string") {
      const k = (parsed as SecretCursor).k;
      const id = (parsed as SecretCursor).id;
      if ((k === null || typeof k === "string") && nulPath([k, id]) === null) return { k, id };
    }
  } catch {
    // fall through
  }
  throw new AppError("UNPROCESSABLE", "The request has invalid fields.", { cursor: ["Not a cursor from this list"] });
}
