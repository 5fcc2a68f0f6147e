import { environmentIdsWith, hasRole, type Principal } from "./principal";

/** Which top-level pages a principal may open. Each page checks this on the server. */
export const PAGE_ACCESS = {
  overview: () => true,
  compare: (p: Principal) => environmentIdsWith(p, "view_config").length >= 1,
  secrets: (p: Principal) => environmentIdsWith(p, "view_secrets").length >= 1,
  deployments: (p: Principal) => environmentIdsWith(p, "view_deployments").length >= 1,
  promotions: () => true,
  access: () => true,
  insights: (p: Principal) => hasRole(p, "executive") || hasRole(p, "eng_leader") || hasRole(p, "platform"),
  audit: (p: Principal) => hasRole(p, "platform"),
  settings: () => true,
} satisfies Record<string, (p: Principal) => boolean>;

export type PageKey = keyof typeof PAGE_ACCESS;

export function mayOpen(p: Principal, page: PageKey): boolean {
  return PAGE_ACCESS[page](p);
}
