// The pipeline's error, kept importable here for the error mapping and metrics that name this path.
export { ConcurrencyExhaustedError } from '../../commands/concurrency-exhausted.error';
