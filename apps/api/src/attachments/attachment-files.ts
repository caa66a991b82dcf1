import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  decideSuggestion,
  DomainError,
  publicView,
  suggestionStreamId,
  type Actor,
  type AttachmentRef,
  type ExistingSuggestion,
  type Rulebook,
  type SuggestionAttachment,
  type WorkingCalendar,
} from '@duban/domain';
import { suggestionIdOfAttachment } from '@duban/domain/suggestion/capabilities/attachments/attachments.rule';
import { mayRead } from '@duban/domain/suggestion/capabilities/visibility/visibility.rule';
import { AttachmentCorruptedError, EVENT_STORE, LocalDiskAttachmentStorage, type EventStore } from '@duban/event-store';
import { randomBytes } from 'node:crypto';
import { Clock } from '../clock/clock';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import type { CommandOutcome } from '../commands/command-outcome';
import { foldRecorded } from '../commands/stream-kind';
import { RULEBOOK, WORKING_CALENDAR } from '../infrastructure/tokens';
import type { CommandContext } from '../suggestions/http/command-context.decorator';
import { RunSuggestionCommand, SUGGESTION_STREAM } from '../suggestions/execution/suggestion-stream';
import { suggestionNotFound } from '../suggestions/execution/suggestion-not-found';
import { AttachmentLedger } from './attachment-ledger';
import { attachmentSettingsOr, type AttachmentSettings } from './attachment-settings';
import { FILE_KINDS, refusalOf } from './file-kind';

export interface UploadedFile {
  buffer: Buffer;
  originalname: string;
  size: number;
}

export interface AttachmentUploadResult {
  id: string;
  sha256: string;
  name: string;
  size: number;
  contentType: string;
  /** The suggestion's revision after the upload, and the position to read it with `?after=`. */
  revision: number;
  position: string;
}

/** The bytes of an attachment, checked against the hash its event recorded. */
export interface AttachmentContent {
  ref: AttachmentRef;
  bytes: Buffer;
}

/** Longest file name kept; a longer one is cut before its extension. */
const NAME_MAX = 200;

/**
 * Uploads and reads of attachment files. An upload is checked by its bytes, then (the rules dry-run
 * on the stream just read) stored by hash and fsync'd, and only then recorded by AttachmentAdded
 * through the command pipeline: a refused upload stores nothing, and an event never names a file
 * that is not on disk. Who may read a file is who may read its suggestion, decided from the stream.
 */
@Injectable()
export class AttachmentFiles {
  private readonly logger = new Logger('attachments');
  readonly settings: AttachmentSettings;
  readonly storage: LocalDiskAttachmentStorage;
  readonly ledger: AttachmentLedger;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RULEBOOK) private readonly rulebook: Rulebook,
    @Inject(WORKING_CALENDAR) private readonly calendar: WorkingCalendar,
    @Inject(Clock) private readonly clock: Clock,
    private readonly commandBus: CommandBus,
  ) {
    this.settings = attachmentSettingsOr(config.attachments);
    this.storage = new LocalDiskAttachmentStorage(this.settings.path);
    this.ledger = new AttachmentLedger(this.settings.path, this.storage);
  }

  async upload(suggestionId: string, file: UploadedFile | undefined, ctx: CommandContext): Promise<AttachmentUploadResult> {
    if (!file) throw new DomainError('attachment.file_required', '请选择要上传的文件（表单字段 file）', 'invalid', 'file');
    const name = cleanFileName(file.originalname);
    const checked = refusalOf(file.buffer, name);
    if (checked.kind === null) throw new DomainError('attachment.type_refused', checked.reason, 'invalid', 'file');
    const ref: AttachmentRef = {
      attachmentId: `${suggestionId}_${randomBytes(8).toString('hex')}`,
      sha256: '',
      name,
      size: file.buffer.length,
      contentType: FILE_KINDS[checked.kind].contentType,
    };
    const actor = ctx.actor;
    let stored: string | null = null;
    const precondition = async (state: ExistingSuggestion | { status: 'none' }): Promise<void> => {
      if (state.status === 'none') throw suggestionNotFound();
      // The rules first, on the stream just read: someone who may not add a file stores nothing.
      decideSuggestion({ type: 'AddAttachment', data: { ...ref, sha256: '0'.repeat(64) } }, state, this.context(actor));
      if (stored === null) {
        stored = await this.storage.put(file.buffer);
        ref.sha256 = stored;
        await this.ledger.hold({ attachmentId: ref.attachmentId, suggestionId, sha256: stored, uploadedAt: this.clock.nowIso() });
      }
    };
    // Each upload is a new attachment (its id is made here): an Idempotency-Key cannot name a
    // retried upload, whose bytes the key's fingerprint does not cover, so it is not used.
    const { idempotency: _notForUploads, ...options } = ctx.options;
    let outcome: CommandOutcome;
    try {
      outcome = await this.commandBus.execute(
        new RunSuggestionCommand(suggestionId, { type: 'AddAttachment', data: ref }, actor, { ...options, precondition }),
      );
    } catch (error) {
      // Stored but not recorded: let go of the file now rather than waiting for the sweep.
      if (stored !== null) await this.ledger.release(ref.attachmentId, stored).catch(() => undefined);
      throw error;
    }
    // Deputies' and staff's files are part of the suggestion once added; letters wait for an answer.
    if (actor.role !== 'unit') await this.ledger.settle(ref.attachmentId);
    const { attachmentId, sha256, name: storedName, size, contentType } = ref;
    return { id: attachmentId, sha256, name: storedName, size, contentType, revision: outcome.revision, position: outcome.position };
  }

  /**
   * For a caller who may read the suggestion; 404 as the suggestion's read otherwise. `via`: another
   * suggestion whose answer carries this letter (a group answer, 并案, uploaded once to one member):
   * its readers may read the letter through it.
   */
  async readForViewer(attachmentId: string, viewer: Actor, via?: string): Promise<AttachmentContent> {
    if (via !== undefined && via !== suggestionIdOfAttachment(attachmentId)) {
      const carrier = await this.stateOf(via);
      if (!carrier || !mayRead(carrier, viewer)) throw suggestionNotFound();
      const letter = answerLetters(carrier).find((l) => l.attachmentId === attachmentId);
      if (!letter) throw attachmentNotFound();
      return this.content(letter);
    }
    const { state, attachment } = await this.find(attachmentId);
    if (!state || !mayRead(state, viewer)) throw suggestionNotFound();
    if (!attachment || attachment.discardedAt !== undefined) throw attachmentNotFound();
    return this.content(attachment);
  }

  /** Without signing in: only the letters of a published answer (不予公开 withdraws them too). */
  async readPublic(attachmentId: string, via?: string): Promise<AttachmentContent> {
    const state = await this.stateOf(via ?? suggestionIdOfAttachment(attachmentId) ?? '');
    const view = state ? publicView(state) : null;
    const letter = view?.answers.flatMap((a) => a.letters ?? []).find((l) => l.attachmentId === attachmentId);
    if (!letter) throw attachmentNotFound();
    return this.content(letter);
  }

  /** Letters uploaded to a suggestion of a group, as the group answer passes them to the other members. */
  async lettersOf(attachmentIds: readonly string[], unitId: string | undefined): Promise<AttachmentRef[]> {
    const out: AttachmentRef[] = [];
    for (const id of new Set(attachmentIds)) {
      const { attachment } = await this.find(id);
      if (attachment && attachment.kind === 'letter' && attachment.unitId === unitId && attachment.discardedAt === undefined) {
        const { attachmentId, sha256, name, size, contentType } = attachment;
        out.push({ attachmentId, sha256, name, size, contentType });
      }
    }
    return out;
  }

  async stateOf(suggestionId: string): Promise<ExistingSuggestion | null> {
    const state = foldRecorded(SUGGESTION_STREAM, await this.store.readStream(suggestionStreamId(suggestionId)));
    return state.status === 'none' ? null : state;
  }

  private async find(attachmentId: string): Promise<{ state: ExistingSuggestion | null; attachment?: SuggestionAttachment }> {
    const suggestionId = suggestionIdOfAttachment(attachmentId);
    if (suggestionId === null) return { state: null };
    const state = await this.stateOf(suggestionId);
    return { state, attachment: state?.attachments?.find((a) => a.attachmentId === attachmentId) };
  }

  private async content(ref: AttachmentRef): Promise<AttachmentContent> {
    try {
      return { ref, bytes: await this.storage.readVerified(ref.sha256) };
    } catch (error) {
      if (error instanceof AttachmentCorruptedError) {
        this.logger.error(`attachment ${ref.attachmentId}: ${error.message}`);
        throw new AttachmentDamagedError(error.message);
      }
      throw error;
    }
  }

  private context(actor: Actor) {
    return { now: this.clock.nowIso(), actor, rulebook: this.rulebook, calendar: this.calendar };
  }
}

/** Every letter any answer of the suggestion carries (its own or a group's). */
function answerLetters(state: ExistingSuggestion): AttachmentRef[] {
  const assignments = [...('assignment' in state && state.assignment ? [state.assignment] : []), ...state.previousAssignments];
  return assignments.flatMap((a) => [...a.units, ...(a.transfers ?? []).map((t) => t.unit)].flatMap((u) => u.answers.flatMap((answer) => answer.letters ?? [])));
}

export function attachmentNotFound(): DomainError {
  return new DomainError('not_found', '附件不存在', 'not_found');
}

/** The stored file no longer matches the hash its event recorded: reported, never served. */
export class AttachmentDamagedError extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'AttachmentDamagedError';
  }
}

/**
 * The name as shown and downloaded: no folders, no control characters, at most NAME_MAX
 * characters (cut before the extension). Browsers send UTF-8 names that multer reads as latin1.
 */
export function cleanFileName(raw: string): string {
  let name = raw;
  if (/[\u0080-\u00ff]/.test(raw) && !/[^\u0000-\u00ff]/.test(raw)) {
    const utf8 = Buffer.from(raw, 'latin1').toString('utf8');
    if (!utf8.includes('\ufffd')) name = utf8;
  }
  name = name.replace(/^.*[\\/]/, '').replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
  if (name === '') name = '附件';
  if (name.length > NAME_MAX) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, NAME_MAX - ext.length) + ext;
  }
  return name;
}
