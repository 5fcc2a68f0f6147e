"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A button that reveals an inline form in its place (a confirmation step). Opening moves focus
 * to the form's first field; Escape closes it and puts focus back on the button.
 */
export function Reveal({ label, className, children }: { label: string; className?: string; children: (close: () => void) => React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  useEffect(() => {
    if (open) {
      opened.current = true;
      box.current?.querySelector<HTMLElement>("textarea, input:not([type=hidden]), select, button")?.focus();
    } else if (opened.current) trigger.current?.focus();
  }, [open]);
  const close = () => setOpen(false);
  if (!open) {
    return (
      <button ref={trigger} type="button" aria-expanded={false} className={className} onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  }
  return (
    <div
      ref={box}
      onKeyDown={(e) => {
        if (e.key !== "Escape") return;
        e.stopPropagation();
        close();
      }}
    >
      {children(close)}
    </div>
  );
}
