"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server render and during hydration, true once React owns the page. For fields
 * that must not take typing before then: React 19 sets a hydrating `<textarea>`'s value back
 * to its server-rendered text, so anything typed earlier is silently lost (inputs keep it).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}
