import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures/auth";

test("every page carries the security headers", async ({ page }) => {
  for (const path of ["/signin", "/api/health"]) {
    const res = await page.request.get(path);
    const h = res.headers();
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-content-type-options"]).toBe("nosniff");
  }
  await signInAs(page, "dev@example.com");
  const res = await page.request.get("/");
  expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
  await signInAs(page, "dev@example.com");
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie).toBeDefined();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe("Lax");
});

test("a cross-origin POST to a server action is refused", async ({ page, context }) => {
  await signInAs(page, "dev@example.com");
  const html = await (await page.request.get("/")).text();
  const actionId = html.match(/name="\$ACTION_ID_([0-9a-f]+)"/)?.[1];
  expect(actionId, "the sign-out form renders a server action id").toBeTruthy();
  const cookies = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const forged = await page.request.post("/", {
    headers: { "next-action": actionId!, origin: "https://evil.example", cookie: cookies, "content-type": "text/plain;charset=UTF-8" },
    data: "[]",
    maxRedirects: 0,
  });
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  // The action did not run: still signed in.
  await page.goto("/");
  await expect(page.getByTestId("current-user")).toBeVisible();
});

test("forged middleware and forwarding headers grant nothing", async ({ playwright, baseURL }) => {
  const anon = await playwright.request.newContext({ baseURL });
  const res = await anon.get("/environments/production", {
    headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy", "x-forwarded-host": "evil.example", "x-forwarded-for": "10.0.0.1" },
    maxRedirects: 0,
  });
  expect([302, 303, 307, 308]).toContain(res.status());
  expect(res.headers()["location"]).toContain("/signin");
  const api = await anon.get("/api/v1/environments", { headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" } });
  expect(api.status()).toBe(401);
  expect(await api.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  await anon.dispose();
});
