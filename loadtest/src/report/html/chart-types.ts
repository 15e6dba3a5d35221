// The charts as JSON: everything Chart.js needs except functions (tick formatters, patterns,
// label drawing), which the page script adds from the `format`, `pattern` and `valueLabels`
// hints. Keeping them data means the charts are built, and tested, here in TypeScript.

export type ValueFormat = 'ms' | 'count' | 'percent' | 'seconds';
/** Light stripes keep a bar's colour readable; dark ones and crosshatch mark bad outcomes. */
export type PatternName = 'stripes' | 'dark-stripes' | 'crosshatch';
export interface Point {
  x: number;
  y: number | null;
}

export interface DatasetJson {
  label: string;
  data: (number | null)[] | Point[];
  backgroundColor: string;
  borderColor: string;
  borderWidth?: number;
  borderDash?: number[];
  pointStyle?: string;
  pointRadius?: number;
  showLine?: boolean;
  spanGaps?: boolean;
  /** Pixels a point may reach beyond the plot area. */
  clip?: number;
  /** Filled with this pattern over backgroundColor (see the page script). */
  pattern?: PatternName;
  /** Text per data point, drawn on the bar (and used by tooltips). */
  valueLabels?: string[];
  /** Text per data point for tooltips only. */
  tooltipLabels?: string[];
}

export interface AxisJson {
  type: 'linear' | 'logarithmic' | 'category';
  display?: boolean;
  position?: 'left' | 'right' | 'top' | 'bottom';
  title?: { display: true; text: string };
  min?: number;
  max?: number;
  stacked?: boolean;
  /** How the page script labels the ticks. */
  format?: ValueFormat;
  grid?: { color: string };
}

export interface AnnotationLabelJson {
  display: true;
  content: string | string[];
  position?: string | { x: string; y: string };
  color?: string;
  backgroundColor?: string;
  font?: { size: number; weight?: string };
}

export interface AnnotationJson {
  type: 'box' | 'line' | 'label';
  xScaleID?: string;
  yScaleID?: string;
  xMin?: number;
  xMax?: number;
  yMin?: number;
  yMax?: number;
  xValue?: number;
  yValue?: number;
  backgroundColor?: string;
  borderColor?: string;
  borderWidth?: number;
  borderDash?: number[];
  drawTime?: 'beforeDatasetsDraw' | 'afterDatasetsDraw';
  label?: AnnotationLabelJson;
  content?: string | string[];
  color?: string;
  font?: { size: number; weight?: string };
}

export interface ChartJson {
  type: 'bar' | 'line';
  data: { labels?: string[]; datasets: DatasetJson[] };
  options: {
    indexAxis?: 'x' | 'y';
    scales: Record<string, AxisJson>;
    plugins: {
      legend: { display: boolean; position?: 'top' | 'bottom' };
      annotation?: { annotations: Record<string, AnnotationJson> };
      /** Where the page script draws valueLabels: above vertical bars, or inside stacked ones. */
      valueLabels?: { mode: 'above' | 'inside' };
    };
  };
}

export interface ChartDef {
  /** The canvas id; unique in the page. */
  id: string;
  title: string;
  /** One sentence under the title: how to read the chart. */
  note: string;
  wide: boolean;
  /** Whether the chart shows gateway-v2's circuit band (the page adds its legend). */
  circuitBand: boolean;
  config: ChartJson;
}
