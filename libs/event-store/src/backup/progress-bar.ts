import { SingleBar } from 'cli-progress';
import type { BackupPhase, BackupProgress } from './backup-sqlite-store';

/** One bar that restarts for each phase: pages while copying, events while verifying. */
export function phaseProgressBar(label: string, stream: NodeJS.WritableStream): { update: BackupProgress; stop: () => void } {
  const bar = new SingleBar({ stream, format: `${label} {phase} [{bar}] {percentage}% | {value}/{total} {unit}`, hideCursor: true });
  let phase: BackupPhase | null = null;
  return {
    update: (progress) => {
      if (progress.phase !== phase) {
        if (phase !== null) bar.stop();
        phase = progress.phase;
        bar.start(progress.total, progress.done, { phase: phase === 'copy' ? 'copy  ' : 'verify', unit: phase === 'copy' ? 'pages' : 'events' });
        return;
      }
      bar.setTotal(progress.total);
      bar.update(progress.done);
    },
    stop: () => {
      if (phase !== null) bar.stop();
      phase = null;
    },
  };
}
