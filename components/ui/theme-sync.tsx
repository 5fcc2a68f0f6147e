"use client";

import { useLayoutEffect } from "react";

/**
 * The root layout's inline script applies the saved or system theme before first paint. When
 * React renders the document on the client instead (a not-found or error page in development),
 * that script does not run and the `dark` class is lost: this applies the same choice again.
 */
export function ThemeSync() {
  useLayoutEffect(() => {
    let saved: string | null = null;
    try {
      saved = localStorage.getItem("parity-theme");
    } catch {}
    const dark = saved === "dark" || (!saved && matchMedia("(prefers-color-scheme: dark)").matches);
    document.documentElement.classList.toggle("dark", dark);
  }, []);
  return null;
}
