import { hash as oneShotHash } from 'node:crypto';
import type { EventMetadata } from '@duban/domain';
import { AuditKeyRequiredError, UnknownHashSchemeError } from './audit-errors';
import type { AuditKey } from './audit-key';
import { canonicalJson } from './canonical-json';

/** The metadata fields the chain itself adds: not part of what the hash covers. */
const CHAIN_FIELDS: readonly string[] = ['hash', 'prevHash'];
/** A new event's own `hashScheme` is the store's to set, never the caller's. */
const CHAIN_AND_SCHEME_FIELDS: readonly string[] = ['hash', 'prevHash', 'hashScheme'];

/** prevHash of every stream's first event (revision 0). */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * `metadata.hashScheme` of an event hashed with the audit key (HMAC-SHA256). An event without the
 * field was hashed with plain sha256 (written before the key existed). The field is inside what
 * the hash covers, so changing it breaks the event's own hash.
 */
export const KEYED_HASH_SCHEME = 'hmac-sha256';

/**
 * What an event's hash covers that does not depend on where it lands, serialised once, before
 * the write transaction: the transaction only adds the stream, the revision and prevHash.
 */
export interface ChainableEvent {
  type: string;
  /** Canonical JSON of the data (null when absent). */
  dataJson: string;
  /** Canonical JSON of the metadata without `hash` and `prevHash` (with `hashScheme` when keyed). */
  metadataJson: string;
  /** HMAC-SHA256 with the audit key; false = plain sha256 (the scheme before the key). */
  keyed: boolean;
  /** A hash the caller brought along (a copied event): the computed one must equal it. */
  claimedHash?: string;
  claimedPrevHash?: string;
}

type HashableEvent = { type: string; data: unknown; metadata: EventMetadata };

/** Whether a stored event says it was hashed with the key; throws for a scheme this code does not know. */
export function isKeyedEvent(metadata: EventMetadata): boolean {
  const scheme = (metadata as { hashScheme?: unknown }).hashScheme;
  if (scheme === undefined) return false;
  if (scheme === KEYED_HASH_SCHEME) return true;
  throw new UnknownHashSchemeError(scheme);
}

/**
 * A new event is hashed with the store's key when it has one (and marked so); a copied event (it
 * brings its hash) keeps the scheme it was written with, so a migrated store verifies as the
 * source did.
 */
export function toChainable(event: HashableEvent, key?: AuditKey | null): ChainableEvent {
  if (event.metadata.hash !== undefined) return asRecorded(event);
  const keyed = key !== undefined && key !== null;
  return {
    type: event.type,
    dataJson: canonicalJson(event.data ?? null),
    metadataJson: keyed ? canonicalJson({ ...event.metadata, hashScheme: KEYED_HASH_SCHEME }, CHAIN_FIELDS) : canonicalJson(event.metadata, CHAIN_AND_SCHEME_FIELDS),
    keyed,
  };
}

/** An event as it was stored (or copied): its own scheme, its own claimed hashes. */
function asRecorded(event: HashableEvent): ChainableEvent {
  const { hash, prevHash } = event.metadata;
  const chainable: ChainableEvent = {
    type: event.type,
    dataJson: canonicalJson(event.data ?? null),
    metadataJson: canonicalJson(event.metadata, CHAIN_FIELDS),
    keyed: isKeyedEvent(event.metadata),
  };
  // Only a copied event brings hashes: no spread of empty objects on every ordinary append.
  if (hash !== undefined) chainable.claimedHash = hash;
  if (prevHash !== undefined) chainable.claimedPrevHash = prevHash;
  return chainable;
}

/**
 * The hash of the canonical JSON array
 *   [streamId, "<revision in decimal>", type, data, metadata without hash and prevHash, prevHash]
 * — sha256 for an event of the old scheme, HMAC-SHA256 with the audit key for a keyed one —
 * written out here so an auditor can recompute it with any tool: no separators to guess.
 */
export function chainHash(streamId: string, revision: bigint, event: ChainableEvent, prevHash: string, key?: AuditKey | null): string {
  const text = `[${JSON.stringify(streamId)},"${revision.toString()}",${JSON.stringify(event.type)},${event.dataJson},${event.metadataJson},${JSON.stringify(prevHash)}]`;
  if (event.keyed) {
    if (key === undefined || key === null) throw new AuditKeyRequiredError(streamId, revision);
    return key.mac(text);
  }
  // One-shot hash: no Hash object per event, which is most of the cost for inputs this small.
  return oneShotHash('sha256', text, 'hex');
}

/** The stored metadata text: the canonical metadata with prevHash and hash added at the end. */
export function metadataJsonWithChain(metadataJson: string, prevHash: string, hash: string): string {
  // JSON.stringify although both are hex: prevHash comes from the file, which someone may have edited.
  const chain = `"prevHash":${JSON.stringify(prevHash)},"hash":${JSON.stringify(hash)}}`;
  return metadataJson === '{}' ? `{${chain}` : `${metadataJson.slice(0, -1)},${chain}`;
}

/** The metadata an adapter stores as an object (EventStoreDB): the caller's, with the chain's fields. */
export function metadataWithChain(metadata: EventMetadata, event: ChainableEvent, prevHash: string, hash: string): EventMetadata {
  const scheme = event.keyed ? { hashScheme: KEYED_HASH_SCHEME } : {};
  return { ...metadata, ...scheme, prevHash, hash };
}

/** The hash a recorded event should carry, given the previous event's hash. */
export function expectedHashOf(
  event: { streamId: string; revision: bigint; type: string; data: unknown; metadata: EventMetadata },
  prevHash: string,
  key?: AuditKey | null,
): string {
  return chainHash(event.streamId, event.revision, asRecorded(event), prevHash, key);
}
