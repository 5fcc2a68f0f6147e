// Keyset cursor for the history: the last row's (startedAt, id), opaque to clients.
import { AppError } from "@/lib/errors";
import { isStorableDate } from "@/lib/domain/storable";

export interface Cursor {
  startedAt: Date;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.startedAt.toISOString()}|${c.id}`, "utf8").toString("base64url");
}

export function decodeCursor(raw: string): Cursor {
  const [iso, id] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  const startedAt = new Date(iso ?? "");
  if (!id || id.includes("\u0000") || !isStorableDate(startedAt)) throw new AppError("UNPROCESSABLE", "The cursor is not valid.", { cursor: ["Not a cursor from this API"] });
  return { startedAt, id };
}
