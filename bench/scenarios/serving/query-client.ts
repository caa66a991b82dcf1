import { runQueries, type QueryJob } from './query-loop';

/**
 * The query client's process (forked by measureQueries): runs one job, sends back its figures and
 * ends. It holds nothing but the paths, so its own collector has next to nothing to pause for.
 */
process.once('message', (job: QueryJob) => {
  runQueries(job)
    .then((stats) => process.send!(stats, () => process.exit(0)))
    .catch((error: unknown) => {
      console.error('query client:', error);
      process.exit(1);
    });
});
