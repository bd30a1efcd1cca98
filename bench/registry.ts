/** Every measurement of `npm run bench`, by name. */
import type { MeasurementName } from "./lib/args";
import type { BenchContext } from "./lib/context";
import type { MeasurementResult } from "./lib/figures";
import { measureBundles } from "./measure-bundles";
import { measureHistory } from "./measure-history";
import { measureKeystroke } from "./measure-keystroke";
import { measureLoad } from "./measure-load";
import { measureProxy } from "./measure-proxy";
import { measureSearch } from "./measure-search";

export type Measurement = (ctx: BenchContext) => Promise<MeasurementResult>;

export const MEASUREMENTS_BY_NAME: Record<MeasurementName, Measurement> = {
  bundles: measureBundles,
  history: measureHistory,
  search: measureSearch,
  proxy: measureProxy,
  load: measureLoad,
  keystroke: measureKeystroke,
};
