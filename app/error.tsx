"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

// The portal's own layout or the sign-in page failed (e.g. the database is down while reading the user).
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : undefined;
  return (
    <main className="px-6 py-24">
      <ErrorPanel digest={digest} onRetry={retry} />
    </main>
  );
}
