import { Injectable } from '@nestjs/common';

export type ImportPhase = 'reading' | 'checking' | 'writing' | 'done' | 'failed';

/** How far an import has come, as `GET /api/imports/jobs/:jobId` shows it while the upload runs. */
export interface ImportProgress {
  jobId: string;
  phase: ImportPhase;
  /** Rows read from the sheet (0 while reading). */
  total: number;
  /** Rows checked, or written, so far in the current phase. */
  done: number;
  created: number;
  skipped: number;
  refused: number;
}

/** Long enough for a client to read the final state after the upload answered; short enough to forget. */
const KEEP_FINISHED_MS = 10 * 60_000;
/** Jobs kept at most: an upload is a person's action, thousands at once is not a real load. */
const MAX_JOBS = 1000;

/**
 * Progress of the imports running now, kept in memory (an import's result is its answer; this is
 * only what a waiting person watches). The client names the job (`?jobId=`) when it uploads, and
 * polls it while the upload runs; only the person who uploaded can read it.
 */
@Injectable()
export class ImportJobs {
  private readonly jobs = new Map<string, { owner: string; progress: ImportProgress; finishedAt?: number }>();

  start(jobId: string, owner: string): ImportProgress {
    this.forgetOld();
    const progress: ImportProgress = { jobId, phase: 'reading', total: 0, done: 0, created: 0, skipped: 0, refused: 0 };
    this.jobs.set(jobId, { owner, progress });
    return progress;
  }

  finish(jobId: string, phase: 'done' | 'failed'): void {
    const job = this.jobs.get(jobId);
    if (!job) return;
    job.progress.phase = phase;
    job.finishedAt = Date.now();
  }

  /** The job's progress for its owner; null for anyone else, as for a job that does not exist. */
  get(jobId: string, owner: string): ImportProgress | null {
    const job = this.jobs.get(jobId);
    return job && job.owner === owner ? { ...job.progress } : null;
  }

  private forgetOld(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) {
      if (job.finishedAt !== undefined && now - job.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
    }
    while (this.jobs.size >= MAX_JOBS) this.jobs.delete(this.jobs.keys().next().value!);
  }
}
