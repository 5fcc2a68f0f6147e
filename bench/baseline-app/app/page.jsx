import { headers } from "next/headers";

// A bare dynamic page: rendered on every request (reads the request headers), no data.
export const dynamic = "force-dynamic";

export default async function Page() {
  const h = await headers();
  return (
    <main>
      <h1>Baseline</h1>
      <p>Rendered for {h.get("user-agent") ?? "someone"} at {new Date().toISOString()}</p>
    </main>
  );
}
