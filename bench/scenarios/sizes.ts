/** How big and how long each scenario runs; `--quick` keeps the whole suite under two minutes. */
export interface Sizes {
  /**
   * Single durable appends (S1): seconds each side runs, split into alternating rounds. Short rounds (0.5 s) because the
   * disk is shared: an fsync-heavy burst from elsewhere must fall on both sides, not on one.
   */
  appendSeconds: number;
  appendRounds: number;
  /** Concurrent writers (S2). */
  writers: number;
  concurrentSeconds: number;
  concurrentRounds: number;
  /** Command handling (S3): commands the product handles / commands Emmett handles (answer + rate per suggestion). */
  productCommands: number;
  emmettCommands: number;
  commandWorkers: number;
  /** Product and Emmett take turns this many times. */
  commandRounds: number;
  /** The generated data set the rebuild, query and start-up scenarios (S4, S6, S7) share. */
  datasetSuggestions: number;
  /** HTTP submissions (S5): seconds of load per side, after a warm-up. */
  httpSeconds: number;
  httpWarmupSeconds: number;
  httpConnections: number;
  /** HTTP queries (S6): requests per query kind, and the most time a kind may take. */
  queryRequests: number;
  queryBudgetSeconds: number;
  /** The congress session's Excel import and batch work (S9): rows of the imported sheet, and suggestions registered then assigned in one batch each. */
  importRows: number;
  batchAssignments: number;
}

export const FULL_SIZES: Sizes = {
  appendSeconds: 8,
  appendRounds: 16,
  writers: 64,
  concurrentSeconds: 8,
  concurrentRounds: 16,
  productCommands: 20_000,
  emmettCommands: 1_200,
  commandWorkers: 64,
  commandRounds: 4,
  datasetSuggestions: 100_000,
  httpSeconds: 15,
  httpWarmupSeconds: 3,
  httpConnections: 64,
  queryRequests: 2_000,
  queryBudgetSeconds: 45,
  importRows: 10_000,
  batchAssignments: 1_000,
};

export const QUICK_SIZES: Sizes = {
  appendSeconds: 3,
  appendRounds: 6,
  writers: 64,
  concurrentSeconds: 3,
  concurrentRounds: 6,
  productCommands: 4_000,
  emmettCommands: 300,
  commandWorkers: 64,
  commandRounds: 2,
  datasetSuggestions: 10_000,
  httpSeconds: 4,
  httpWarmupSeconds: 1,
  httpConnections: 64,
  queryRequests: 300,
  queryBudgetSeconds: 10,
  importRows: 2_000,
  batchAssignments: 1_000,
};
