/**
 * Just enough of the Prometheus text exposition format (0.0.4) for this service: counters,
 * gauges and histograms with labels. Written by hand rather than adding a client package.
 */
export type Labels = Record<string, string>;

interface Metric {
  readonly name: string;
  render(): string[];
}

function labelText(labels: Labels, extra?: [string, string]): string {
  // Label names are ASCII identifiers: a plain comparison orders them as localeCompare did, without ICU on every observation.
  const pairs = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (extra) pairs.push(extra);
  if (pairs.length === 0) return '';
  return `{${pairs.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function keyOf(labels: Labels): string {
  return labelText(labels);
}

function number(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function header(name: string, help: string, type: string): string[] {
  return [`# HELP ${name} ${help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`, `# TYPE ${name} ${type}`];
}

export class Counter implements Metric {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(readonly name: string, private readonly help: string) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = keyOf(labels);
    const entry = this.values.get(key) ?? { labels, value: 0 };
    entry.value += by;
    this.values.set(key, entry);
  }

  get(labels: Labels = {}): number {
    return this.values.get(keyOf(labels))?.value ?? 0;
  }

  render(): string[] {
    return [...header(this.name, this.help, 'counter'), ...[...this.values.values()].map((e) => `${this.name}${labelText(e.labels)} ${number(e.value)}`)];
  }
}

export class Gauge implements Metric {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(readonly name: string, private readonly help: string) {}

  set(value: number, labels: Labels = {}): void {
    this.values.set(keyOf(labels), { labels, value });
  }

  render(): string[] {
    return [...header(this.name, this.help, 'gauge'), ...[...this.values.values()].map((e) => `${this.name}${labelText(e.labels)} ${number(e.value)}`)];
  }
}

export class Histogram implements Metric {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(readonly name: string, private readonly help: string, private readonly buckets: readonly number[]) {}

  observe(value: number, labels: Labels = {}): void {
    const key = keyOf(labels);
    const entry = this.series.get(key) ?? { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
    this.buckets.forEach((le, i) => {
      if (value <= le) entry.counts[i]! += 1;
    });
    entry.sum += value;
    entry.count += 1;
    this.series.set(key, entry);
  }

  count(labels: Labels = {}): number {
    return this.series.get(keyOf(labels))?.count ?? 0;
  }

  render(): string[] {
    const lines = header(this.name, this.help, 'histogram');
    for (const entry of this.series.values()) {
      this.buckets.forEach((le, i) => lines.push(`${this.name}_bucket${labelText(entry.labels, ['le', number(le)])} ${entry.counts[i]}`));
      lines.push(`${this.name}_bucket${labelText(entry.labels, ['le', '+Inf'])} ${entry.count}`);
      lines.push(`${this.name}_sum${labelText(entry.labels)} ${number(entry.sum)}`);
      lines.push(`${this.name}_count${labelText(entry.labels)} ${entry.count}`);
    }
    return lines;
  }
}

export class MetricRegistry {
  private readonly metrics: Metric[] = [];

  register<M extends Metric>(metric: M): M {
    if (this.metrics.some((m) => m.name === metric.name)) throw new Error(`metric ${metric.name} registered twice`);
    this.metrics.push(metric);
    return metric;
  }

  render(): string {
    return `${this.metrics.flatMap((m) => m.render()).join('\n')}\n`;
  }
}
