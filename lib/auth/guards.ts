import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { mayOpen, type PageKey, type Principal } from "@/lib/authz";
import { requireUser } from "./session";

/** For pages: runs a DAL read and turns AppError NOT_FOUND / FORBIDDEN into the 404 page. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}

/** For pages: the signed-in user, who must be allowed to open this page (else 404). */
export async function requirePage(page: PageKey): Promise<Principal> {
  const user = await requireUser();
  if (!mayOpen(user, page)) notFound();
  return user;
}
