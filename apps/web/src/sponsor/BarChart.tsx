import { BarController, BarElement, CategoryScale, Chart, type ChartConfiguration, type Plugin, LinearScale } from 'chart.js';
import { useEffect, useRef } from 'react';

// Tree-shaken: only what a bar chart needs is registered (and so bundled). No tooltips: every bar is labelled.
Chart.register(BarController, BarElement, CategoryScale, LinearScale);

export interface Bar {
  label: string;
  /** null when the cell is suppressed. */
  value: number | null;
  /** What the bar says: the figure in words ("12", "at least 43", "fewer than 10"). */
  text: string;
}

const INK = '#1b1f24';
const MUTED = '#4d5560';
const BRAND = '#0b5cad';

/** The next round number at or above `n` (1, 2, 5 × a power of ten), so the scale's top is a tick. */
function niceCeil(n: number): number {
  const power = 10 ** Math.floor(Math.log10(n));
  return ([1, 2, 5, 10].find((step) => step * power >= n) ?? 10) * power;
}

/** Pale diagonal hatching: a suppressed cell is drawn as a column of its own, clearly not a value. */
function hatching(): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = tile.height = 8;
  const ctx = tile.getContext('2d');
  if (!ctx) return '#e4e8ee';
  ctx.fillStyle = '#eef1f5';
  ctx.fillRect(0, 0, 8, 8);
  ctx.strokeStyle = '#9aa4b0';
  ctx.beginPath();
  ctx.moveTo(0, 8);
  ctx.lineTo(8, 0);
  ctx.stroke();
  return ctx.createPattern(tile, 'repeat') ?? '#e4e8ee';
}

/** Writes each bar's words on the chart: above a shown bar, upright inside a suppressed column. */
function labelsOf(bars: Bar[]): Plugin<'bar'> {
  return {
    id: 'codeshelf-labels',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea } = chart;
      chart.getDatasetMeta(0).data.forEach((element, i) => {
        const bar = bars[i];
        if (!bar) return;
        const { x, y } = element.getProps(['x', 'y'], true) as { x: number; y: number };
        ctx.save();
        ctx.font = '600 12px system-ui, sans-serif';
        if (bar.value === null) {
          ctx.fillStyle = INK;
          ctx.translate(x, chartArea.bottom - 8);
          ctx.rotate(-Math.PI / 2);
          ctx.textAlign = 'left';
          ctx.textBaseline = 'middle';
          ctx.fillText(bar.text, 0, 0);
        } else {
          ctx.fillStyle = MUTED;
          ctx.textAlign = 'center';
          ctx.textBaseline = 'bottom';
          ctx.fillText(bar.text, x, y - 3);
        }
        ctx.restore();
      });
    },
  };
}

/**
 * A bar chart of report figures (Chart.js on a canvas). A suppressed cell is a hatched column across the whole
 * height, with its words written in it; never a bar of height 0. The canvas is one image to a screen reader, with
 * `summary` as its name; the page shows the same figures in a table.
 */
export default function BarChart({ bars, summary }: { bars: Bar[]; summary: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // Drawn again only when the figures change, not on every render of the page.
  const signature = JSON.stringify(bars);
  useEffect(() => {
    if (!canvas.current) return;
    const bars = JSON.parse(signature) as Bar[];
    const shown = bars.filter((b) => b.value !== null);
    // A suppressed column reaches the top of the scale: its height says nothing. With no value shown there is no scale.
    const top = niceCeil(Math.max(1, ...shown.map((b) => b.value!)) * 1.15);
    const config: ChartConfiguration<'bar', (number | [number, number] | null)[], string> = {
      type: 'bar',
      data: {
        labels: bars.map((b) => b.label),
        datasets: [
          { data: bars.map((b) => b.value), backgroundColor: BRAND, grouped: false, order: 1 },
          {
            data: bars.map((b) => (b.value === null ? [0, top] : null)),
            backgroundColor: hatching(),
            borderColor: '#9aa4b0',
            borderWidth: 1,
            grouped: false,
            order: 2,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { display: shown.length > 0, min: 0, max: top, ticks: { precision: 0, color: MUTED } }, x: { ticks: { color: INK } } },
        events: [],
      },
      plugins: [labelsOf(bars)],
    };
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [signature]);
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label={summary} />
    </div>
  );
}
