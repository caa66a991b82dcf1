import { useContext, type ReactNode } from 'react';
// antd renders every column title a second time in a hidden row (aria-hidden) to measure widths;
// it tells its own components so through this context. A checkbox there would be a focusable
// element inside aria-hidden (axe: aria-hidden-focus), so the copy is left out.
import TableMeasureRowContext from 'antd/es/table/TableMeasureRowContext';

/** Renders its children in the table's header, not in antd's hidden measuring copy of it. */
export function OutsideMeasureRow({ children }: { children: ReactNode }) {
  const inMeasureRow = useContext(TableMeasureRowContext);
  return inMeasureRow ? null : <>{children}</>;
}
