/**
 * A wide table's frame that scrolls sideways on a narrow screen. While it overflows it is a named
 * Tab stop (a region), so keyboard users can scroll it with the arrow keys and screen readers say
 * what it holds; when everything fits it adds neither a stop nor a landmark.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  const frame = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const measure = () => setOverflows(el.scrollWidth > el.clientWidth);
    // The frame keeps its width while the table inside grows past it, so watch the tables too.
    const watch = new ResizeObserver(measure);
    watch.observe(el);
    for (const table of el.querySelectorAll('table')) watch.observe(table);
    measure();
    return () => watch.disconnect();
  }, []);
  // overflow-y hidden: a pixel's rounding would otherwise make the frame a vertical scroller, a nameless Tab stop.
  return (
    <div ref={frame} style={{ overflowX: 'auto', overflowY: 'hidden' }} {...(overflows ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {})}>
      {children}
    </div>
  );
}
