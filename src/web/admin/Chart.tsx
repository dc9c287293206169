/**
 * One ECharts chart (bar or pie, SVG), sized to its box and redrawn on resize. Only the admin
 * dashboard imports this, so ECharts stays out of the portal. The chart is an image to assistive
 * technology, named by `label`; the numbers are in the table beside it.
 */
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** Before (grey) and after (the brand red) first, then distinct hues. */
export const PALETTE = ['#8c8c8c', '#c0392b', '#1677ff', '#52c41a', '#faad14', '#722ed1', '#13c2c2'];
export const PIE = ['#1677ff', '#c0392b', '#52c41a', '#faad14', '#722ed1', '#13c2c2'];

export function Chart({ option, label, height = 300 }: { option: ChartOption; label: string; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = echarts.init(el, undefined, { renderer: 'svg', locale: 'ZH' });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ color: PALETTE, animation: false, textStyle: { fontFamily: 'inherit' }, ...option }, true);
  }, [option]);

  return <div ref={box} className="chart" style={{ height }} role="img" aria-label={label} />;
}
