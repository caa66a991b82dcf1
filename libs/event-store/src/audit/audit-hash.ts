import { hash as oneShotHash } from 'node:crypto';
import type { EventMetadata } from '@duban/domain';
import { canonicalJson } from './canonical-json';

/** The metadata fields the chain itself adds: not part of what the hash covers. */
const CHAIN_FIELDS: readonly string[] = ['hash', 'prevHash'];

/** prevHash of every stream's first event (revision 0). */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * What an event's hash covers that does not depend on where it lands, serialised once, before
 * the write transaction: the transaction only adds the stream, the revision and prevHash.
 */
export interface ChainableEvent {
  type: string;
  /** Canonical JSON of the data (null when absent). */
  dataJson: string;
  /** Canonical JSON of the metadata without `hash` and `prevHash`. */
  metadataJson: string;
  /** A hash the caller brought along (a copied event): the computed one must equal it. */
  claimedHash?: string;
  claimedPrevHash?: string;
}

export function toChainable(event: { type: string; data: unknown; metadata: EventMetadata }): ChainableEvent {
  const { hash, prevHash } = event.metadata;
  const chainable: ChainableEvent = {
    type: event.type,
    dataJson: canonicalJson(event.data ?? null),
    metadataJson: canonicalJson(event.metadata, CHAIN_FIELDS),
  };
  // Only a copied event brings hashes: no spread of empty objects on every ordinary append.
  if (hash !== undefined) chainable.claimedHash = hash;
  if (prevHash !== undefined) chainable.claimedPrevHash = prevHash;
  return chainable;
}

/**
 * sha256 (hex) of the canonical JSON array
 *   [streamId, "<revision in decimal>", type, data, metadata without hash and prevHash, prevHash]
 * — written out here so an auditor can recompute it with any tool: no separators to guess.
 */
export function chainHash(streamId: string, revision: bigint, event: ChainableEvent, prevHash: string): string {
  const text = `[${JSON.stringify(streamId)},"${revision.toString()}",${JSON.stringify(event.type)},${event.dataJson},${event.metadataJson},${JSON.stringify(prevHash)}]`;
  // One-shot hash: no Hash object per event, which is most of the cost for inputs this small.
  return oneShotHash('sha256', text, 'hex');
}

/** The stored metadata text: the canonical metadata with prevHash and hash added at the end. */
export function metadataJsonWithChain(metadataJson: string, prevHash: string, hash: string): string {
  // JSON.stringify although both are hex: prevHash comes from the file, which someone may have edited.
  const chain = `"prevHash":${JSON.stringify(prevHash)},"hash":${JSON.stringify(hash)}}`;
  return metadataJson === '{}' ? `{${chain}` : `${metadataJson.slice(0, -1)},${chain}`;
}

/** The hash a recorded event should carry, given the previous event's hash. */
export function expectedHashOf(event: { streamId: string; revision: bigint; type: string; data: unknown; metadata: EventMetadata }, prevHash: string): string {
  return chainHash(event.streamId, event.revision, toChainable(event), prevHash);
}
