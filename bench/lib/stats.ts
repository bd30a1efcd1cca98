/**
 * Order statistics of benchmark samples. Pure: no I/O, so the unit tests pin every edge.
 */

/** Summary of one series of samples. */
export interface SampleSummary {
  count: number;
  min: number;
  median: number;
  p95: number;
  max: number;
  mean: number;
}

function sorted(values: readonly number[]): number[] {
  return values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
}

/**
 * The `p`-th percentile (0–100) by linear interpolation between closest ranks (the method of
 * numpy's default and of most spreadsheets): p0 is the minimum, p100 the maximum, p50 the median.
 * NaN for an empty series.
 */
export function percentile(values: readonly number[], p: number): number {
  const data = sorted(values);
  if (data.length === 0) return Number.NaN;
  const clamped = Math.min(100, Math.max(0, p));
  const rank = (clamped / 100) * (data.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = data[low] ?? Number.NaN;
  const highValue = data[high] ?? lowValue;
  return lowValue + (highValue - lowValue) * (rank - low);
}

/** The median: the middle value, or the mean of the two middle values. NaN for an empty series. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Count, min, median, p95, max and mean of a series (NaN fields when it is empty). */
export function summarize(values: readonly number[]): SampleSummary {
  const data = sorted(values);
  const count = data.length;
  return {
    count,
    min: count === 0 ? Number.NaN : (data[0] ?? Number.NaN),
    median: percentile(data, 50),
    p95: percentile(data, 95),
    max: count === 0 ? Number.NaN : (data[count - 1] ?? Number.NaN),
    mean: count === 0 ? Number.NaN : data.reduce((sum, value) => sum + value, 0) / count,
  };
}

/** a ÷ b, NaN when b is 0 or either is not finite. */
export function ratio(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return Number.NaN;
  return a / b;
}
