import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { READ_MODEL_SCHEMA_VERSION } from '@duban/read-models';

/**
 * Checking a read model's pages (quick_check) reads the whole file: about 0.5 s per 100 MB, most
 * of a start's time at 100,000 suggestions. It guards against a file damaged by a crash or a bad
 * disk write, which a clean stop rules out: the service that closed the file notes its size and
 * time, and the next start skips the check when the file is exactly as that stop left it. The note
 * is taken (deleted) at start, so a crash after it forces the check again on the start that follows.
 */
interface CleanStopNote {
  size: number;
  mtimeMs: number;
  schemaVersion: number;
}

export function cleanStopNotePath(readModelPath: string): string {
  return `${readModelPath}.clean-stop`;
}

/** After the read model's last connection closed in a clean stop. */
export function noteCleanStop(readModelPath: string): void {
  if (!existsSync(readModelPath)) return;
  const { size, mtimeMs } = statSync(readModelPath);
  const note: CleanStopNote = { size, mtimeMs, schemaVersion: READ_MODEL_SCHEMA_VERSION };
  writeFileSync(cleanStopNotePath(readModelPath), JSON.stringify(note));
}

/** At start, before the file is opened: whether it is as a clean stop left it. Consumes the note. */
export function takeCleanStopNote(readModelPath: string): boolean {
  const notePath = cleanStopNotePath(readModelPath);
  if (!existsSync(notePath)) return false;
  try {
    const note = JSON.parse(readFileSync(notePath, 'utf8')) as CleanStopNote;
    if (!existsSync(readModelPath) || existsSync(`${readModelPath}-wal`)) return false;
    const { size, mtimeMs } = statSync(readModelPath);
    return note.schemaVersion === READ_MODEL_SCHEMA_VERSION && note.size === size && note.mtimeMs === mtimeMs;
  } catch {
    return false;
  } finally {
    rmSync(notePath, { force: true });
  }
}
