"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

// A page of the portal failed to render (the database was unreachable, a bug): the nav stays,
// the page says so and offers to try again (re-fetches the page from the server).
export default function PortalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : undefined;
  return <ErrorPanel digest={digest} onRetry={retry} />;
}
