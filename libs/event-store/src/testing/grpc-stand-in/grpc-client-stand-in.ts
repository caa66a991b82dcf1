import * as grpc from '@grpc/grpc-js';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { AppendReq, AppendResp, ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { Empty, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { StandInLog, type ProposedEvent, type StandInEvent, type StandInExpected } from './stand-in-log';

/** What the next append call meets instead of a plain answer. */
export type AppendFault =
  /** Refused before anything is written: this node is a follower, the leader is named. */
  | 'not-leader'
  /** Refused before anything is written: the node is going away. */
  | 'unavailable'
  /** Written, then the answer is lost: the client sees Unavailable although the events landed. */
  | 'unavailable-after-write'
  /** Written, then the answer comes too late: the client sees DeadlineExceeded. */
  | 'deadline-after-write';

export interface StandInOptions {
  /** HTTP/2 streams one connection may have open, as Kestrel's limit (100) on a real node. */
  maxConcurrentStreams?: number;
  /** Share another stand-in's log (a second node of the same "cluster"). */
  log?: StandInLog;
  /** Refuse appends whose data + metadata exceed this many bytes, as MaxAppendSize does (default 1,048,576 on a server). */
  maxAppendBytes?: number;
  /** A follower: calls that require the leader (appends, `requires-leader` reads) get NotLeader naming this address. */
  leader?: { host: string; port: number };
}

type ReadCall = grpc.ServerWritableStream<ReadReq, ReadResp>;

/**
 * A gRPC stand-in for client behaviour, served from `@eventstore/db-client`'s own generated service
 * definitions: it answers the Streams calls the adapter makes (Read of a stream, of `$all`, filtered,
 * subscriptions; the classic Append) closely enough to exercise the real client, and lets a test
 * inject what a cluster does (NotLeader, lost answers, dropped subscriptions, a read that never ends)
 * and count the calls left open. It is NOT an EventStoreDB: no persistence, no server semantics
 * beyond those listed. The contract suite (eventstoredb-event-store.spec.ts) runs against real servers.
 */
export class GrpcClientStandIn {
  readonly log: StandInLog;
  /** Faults the next appends meet, in order. */
  readonly appendFaults: AppendFault[] = [];
  /** Read calls (not subscriptions) answer nothing and never end while true. */
  stallReads = false;
  appendCalls = 0;
  private openReadCalls = new Set<ReadCall>();
  private subscriptions = new Set<ReadCall>();

  private constructor(
    private readonly server: grpc.Server,
    readonly port: number,
    private readonly options: StandInOptions,
  ) {
    this.log = options.log ?? new StandInLog();
  }

  static async start(options: StandInOptions = {}): Promise<GrpcClientStandIn> {
    const server = new grpc.Server(options.maxConcurrentStreams ? { 'grpc.max_concurrent_streams': options.maxConcurrentStreams } : {});
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
    const standIn = new GrpcClientStandIn(server, port, options);
    // Only Read and Append: the client asks ServerFeatures first, gets UNIMPLEMENTED and so uses the classic Append.
    server.addService(StreamsService, {
      read: (call: ReadCall) => standIn.read(call),
      append: (call: grpc.ServerReadableStream<AppendReq, AppendResp>, callback: grpc.sendUnaryData<AppendResp>) => standIn.append(call, callback),
    } as unknown as grpc.UntypedServiceImplementation);
    return standIn;
  }

  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  /** Read calls (subscriptions included) the client has not ended or cancelled yet. */
  get openReads(): number {
    return this.openReadCalls.size;
  }

  /** Ends every open subscription with Unavailable, as a node going away does. */
  dropSubscriptions(): void {
    for (const call of this.subscriptions) call.emit('error', serviceError(grpc.status.UNAVAILABLE, 'stand-in dropped the subscription'));
    this.subscriptions.clear();
  }

  async stop(): Promise<void> {
    this.server.forceShutdown();
  }

  private read(call: ReadCall): void {
    this.openReadCalls.add(call);
    const forget = (): void => {
      this.openReadCalls.delete(call);
      this.subscriptions.delete(call);
    };
    call.on('cancelled', forget);
    call.on('close', forget);
    call.on('finish', forget);
    const options = call.request.getOptions()!;
    if (this.refuseAsFollower(call.metadata, (error) => call.emit('error', error))) return;
    if (options.hasSubscription()) return this.subscribe(call, options);
    if (this.stallReads) return;
    if (options.hasStream()) {
      const streamOptions = options.getStream()!;
      const name = Buffer.from(streamOptions.getStreamIdentifier()!.getStreamName_asU8()).toString('utf8');
      const events = this.log.stream(name);
      if (!events) {
        const notFound = new ReadResp.StreamNotFound();
        notFound.setStreamIdentifier(streamOptions.getStreamIdentifier());
        call.write(new ReadResp().setStreamNotFound(notFound));
        call.end();
        return;
      }
      const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
      const from = streamOptions.hasRevision() ? BigInt(streamOptions.getRevision()) : streamOptions.hasEnd() ? null : backwards ? null : 0n;
      const ordered = backwards ? [...events].reverse().filter((e) => from === null || e.revision <= from) : events.filter((e) => from === null || e.revision >= from);
      void this.send(call, ordered.slice(0, Number(options.getCount())));
      return;
    }
    const all = options.getAll()!;
    const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
    const at = all.hasPosition() ? BigInt(all.getPosition()!.getCommitPosition()) : null;
    let events = backwards ? [...this.log.all].reverse() : this.log.all;
    if (at !== null) events = events.filter((e) => (backwards ? e.position < at : e.position >= at));
    if (options.hasFilter()) {
      const prefixes = options.getFilter()!.getStreamIdentifier()?.getPrefixList() ?? [];
      events = events.filter((e) => prefixes.some((prefix) => e.streamId.startsWith(prefix)));
    }
    void this.send(call, events.slice(0, Number(options.getCount())));
  }

  /** Catch-up from the position (exclusive), then live; stays open until cancelled or dropped. */
  private subscribe(call: ReadCall, options: ReadReq.Options): void {
    this.subscriptions.add(call);
    const all = options.getAll()!;
    const after = all.hasPosition() ? BigInt(all.getPosition()!.getCommitPosition()) : -1n;
    const prefixes = options.hasFilter() ? (options.getFilter()!.getStreamIdentifier()?.getPrefixList() ?? []) : null;
    const wanted = (e: StandInEvent): boolean => e.position > after && (prefixes === null || prefixes.some((p) => e.streamId.startsWith(p)));
    call.write(new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId('stand-in')));
    for (const event of this.log.all) if (wanted(event)) call.write(toReadResp(event));
    const stop = this.log.onAppend((event) => {
      if (wanted(event) && this.subscriptions.has(call)) call.write(toReadResp(event));
    });
    call.on('cancelled', stop);
    call.on('close', stop);
  }

  /**
   * Written as a server streams a read: with flow control, so a client that stops reading holds
   * the call open (and its HTTP/2 stream slot) until it cancels, as a real node's read does.
   */
  private async send(call: ReadCall, events: StandInEvent[]): Promise<void> {
    for (const event of events) {
      if (call.cancelled || call.destroyed) return;
      if (!call.write(toReadResp(event))) await new Promise((resolve) => call.once('drain', resolve).once('close', resolve));
    }
    if (!call.cancelled && !call.destroyed) call.end();
  }

  private append(call: grpc.ServerReadableStream<AppendReq, AppendResp>, callback: grpc.sendUnaryData<AppendResp>): void {
    this.appendCalls += 1;
    let streamId = '';
    let expected: StandInExpected = 'any';
    const proposed: ProposedEvent[] = [];
    call.on('data', (request: AppendReq) => {
      if (request.hasOptions()) {
        const options = request.getOptions()!;
        streamId = Buffer.from(options.getStreamIdentifier()!.getStreamName_asU8()).toString('utf8');
        expected = options.hasRevision() ? BigInt(options.getRevision()) : options.hasNoStream() ? -1n : options.hasStreamExists() ? 'stream_exists' : 'any';
        return;
      }
      const message = request.getProposedMessage()!;
      const metadata = message.getMetadataMap();
      proposed.push({
        id: message.getId()!.getString(),
        type: metadata.get('type') ?? '',
        contentType: metadata.get('content-type') ?? 'application/octet-stream',
        data: message.getData_asU8(),
        customMetadata: message.getCustomMetadata_asU8(),
      });
    });
    call.on('end', () => {
      const fault = this.appendFaults.shift();
      if (fault === 'unavailable') return callback(serviceError(grpc.status.UNAVAILABLE, 'stand-in: node going away'));
      if (fault === 'not-leader' || this.options.leader) return callback(this.notLeader());
      const size = proposed.reduce((sum, e) => sum + e.data.length + e.customMetadata.length, 0);
      if (this.options.maxAppendBytes !== undefined && size > this.options.maxAppendBytes) {
        const trailers = new grpc.Metadata();
        trailers.set('exception', 'maximum-append-size-exceeded');
        trailers.set('maximum-append-size', String(this.options.maxAppendBytes));
        return callback(serviceError(grpc.status.INVALID_ARGUMENT, `Maximum Append Size of ${this.options.maxAppendBytes} Exceeded.`, trailers));
      }
      const outcome = this.log.append(streamId, expected, proposed);
      if (fault === 'unavailable-after-write') return callback(serviceError(grpc.status.UNAVAILABLE, 'stand-in: answer lost'));
      if (fault === 'deadline-after-write') return callback(serviceError(grpc.status.DEADLINE_EXCEEDED, 'stand-in: answer too late'));
      const response = new AppendResp();
      if (outcome.kind === 'wrong-expected-version') {
        const wrong = new AppendResp.WrongExpectedVersion();
        if (outcome.current >= 0n) wrong.setCurrentRevision(outcome.current.toString());
        else wrong.setCurrentNoStream(new Empty());
        if (typeof expected === 'bigint' && expected >= 0n) wrong.setExpectedRevision(expected.toString());
        else if (expected === -1n) wrong.setExpectedNoStream(new Empty());
        else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new Empty());
        else wrong.setExpectedAny(new Empty());
        return callback(null, response.setWrongExpectedVersion(wrong));
      }
      const success = new AppendResp.Success().setCurrentRevision(outcome.last.revision.toString());
      // A repeated append is answered without a position, as the server does.
      if (outcome.kind === 'written') {
        success.setPosition(new AppendResp.Position().setCommitPosition(outcome.last.position.toString()).setPreparePosition(outcome.last.position.toString()));
      } else success.setNoPosition(new Empty());
      callback(null, response.setSuccess(success));
    });
  }

  /** A follower refuses reads that need the leader, naming it; the client then reconnects there. */
  private refuseAsFollower(metadata: grpc.Metadata, fail: (error: grpc.ServiceError) => void): boolean {
    if (!this.options.leader || metadata.get('requires-leader')[0] !== 'true') return false;
    fail(this.notLeader());
    return true;
  }

  /** NotLeader as a node sends it: the exception name and the leader's address in the trailers. */
  private notLeader(): grpc.ServiceError {
    const target = this.options.leader ?? { host: '127.0.0.1', port: this.port };
    const trailers = new grpc.Metadata();
    trailers.set('exception', 'not-leader');
    trailers.set('leader-endpoint-host', target.host);
    trailers.set('leader-endpoint-port', String(target.port));
    return serviceError(grpc.status.NOT_FOUND, 'Leader info available', trailers);
  }
}

function serviceError(code: grpc.status, details: string, metadata = new grpc.Metadata()): grpc.ServiceError {
  return Object.assign(new Error(details), { code, details, metadata });
}

function toReadResp(event: StandInEvent): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent();
  recorded.setId(new UUID().setString(event.id));
  recorded.setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(event.streamId, 'utf8')));
  recorded.setStreamRevision(event.revision.toString());
  recorded.setCommitPosition(event.position.toString());
  recorded.setPreparePosition(event.position.toString());
  recorded.getMetadataMap().set('type', event.type).set('content-type', event.contentType).set('created', '0');
  recorded.setData(event.data);
  recorded.setCustomMetadata(event.customMetadata);
  const read = new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(event.position.toString());
  return new ReadResp().setEvent(read);
}
