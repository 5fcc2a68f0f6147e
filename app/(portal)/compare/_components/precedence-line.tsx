"use client";
// The precedence order, rendered from its five layer names: a client component, so the
// server sends the names rather than the rendered badges (pages that show it are hot).
import { Fragment } from "react";
import type { ConfigLayer } from "@/generated/prisma/enums";
import { LAYER_LABEL } from "@/lib/domain/config-layers";
import { LayerBadge } from "./config-bits";

export function PrecedenceLine({ precedence }: { precedence: readonly ConfigLayer[] }) {
  return (
    <p className="flex flex-wrap items-center gap-1 text-xs text-slate-600 dark:text-slate-400" data-testid="precedence">
      <span className="mr-1 font-medium">Precedence (organisation setting, highest first):</span>
      {precedence.map((l, i) => (
        <Fragment key={l}>
          {i > 0 ? <span aria-hidden>›</span> : null}
          <LayerBadge layer={l} />
          <span className="sr-only">{LAYER_LABEL[l]}</span>
        </Fragment>
      ))}
    </p>
  );
}
