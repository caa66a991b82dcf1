import type { BenchArgs, ScenarioId } from '../harness/args';
import type { BenchRow } from '../harness/bench-row';
import type { MachineInfo } from '../harness/machine';
import type { Scratch } from '../harness/scratch';
import type { Sizes } from './sizes';
import type { DatasetHandle } from '../dataset/dataset';

export interface ScenarioContext {
  args: BenchArgs;
  sizes: Sizes;
  machine: MachineInfo;
  scratch: Scratch;
  /** Prints a line of the scenario's report. */
  log: (line: string) => void;
  /** The shared generated data set (S4, S6, S7), generated or reused on first use. */
  dataset: () => Promise<DatasetHandle>;
  /** State scenarios hand on to later ones in the same run. */
  shared: SharedState;
  /** Absolute path of the built api entry (dist/apps/api/src/main.js). */
  apiMain: string;
}

export interface SharedState {
  /** The data set whose read model was last rebuilt into the scratch folder. */
  readModelFor?: string;
  /** The data set whose copies (store + read model) the S6/S7 api runs on. */
  servingCopyOf?: string;
}

export interface Scenario {
  id: ScenarioId;
  title: string;
  run: (ctx: ScenarioContext) => Promise<BenchRow[]>;
}
