import type { ReactNode } from "react";

/** A wide table that scrolls sideways on phones; focusable and labelled so keyboard users can scroll it too. */
export function ScrollableTable({
  label,
  children,
  minWidth = 640,
}: {
  label: string;
  children: ReactNode;
  minWidth?: number;
}) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto">
      <table className="w-full text-left text-sm" style={{ minWidth }}>
        {children}
      </table>
    </div>
  );
}
