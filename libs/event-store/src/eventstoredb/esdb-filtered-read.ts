import type { ClientReadableStream, Metadata, CallOptions } from '@grpc/grpc-js';
import type { AllStreamResolvedEvent, BaseOptions, EventStoreDBClient, StreamingRead } from '@eventstore/db-client';
import { StreamsClient } from '@eventstore/db-client/generated/streams_grpc_pb';
import { ReadReq, type ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { ReadStream } from '@eventstore/db-client/dist/streams/utils/ReadStream';
import { convertGrpcEvent } from '@eventstore/db-client/dist/utils/convertGrpcEvent';

/** The client's own call machinery (reconnects, credentials, connection name), protected in its types. */
interface ClientCallMachinery {
  GRPCStreamCreator(
    client: typeof StreamsClient,
    debugName: string,
    creator: (grpc: StreamsClient) => ClientReadableStream<ReadResp>,
  ): () => Promise<ClientReadableStream<ReadResp>>;
  callArguments(options: BaseOptions, callOptions?: CallOptions): [Metadata, CallOptions];
}

/**
 * `$all` read backwards (from its end or a position, inclusive) with the server filtering by stream prefix: the server walks
 * the log and sends only matching events, so the last product event costs one small answer, not
 * the client paging through system events and other deployments' streams. 6.2.1's readAll cannot
 * filter (it always sends "no filter", although the protocol and the server support it), so the
 * request is built here from the client's generated messages and sent through its own call
 * machinery. The server's filtered backward read exists since 20.10.
 */
export function readAllBackwardsFiltered(
  client: EventStoreDBClient,
  prefixes: readonly string[],
  maxCount: number,
  from: { commit: bigint; prepare: bigint } | 'end',
  options: BaseOptions = {},
): StreamingRead<AllStreamResolvedEvent> {
  const all = new ReadReq.Options.AllOptions();
  if (from === 'end') all.setEnd(new Empty());
  else {
    const position = new ReadReq.Options.Position();
    position.setCommitPosition(from.commit.toString());
    position.setPreparePosition(from.prepare.toString());
    all.setPosition(position);
  }
  const expression = new ReadReq.Options.FilterOptions.Expression();
  expression.setPrefixList([...prefixes]);
  const filter = new ReadReq.Options.FilterOptions();
  filter.setStreamIdentifier(expression);
  filter.setCount(new Empty());
  filter.setCheckpointintervalmultiplier(1);
  const uuid = new ReadReq.Options.UUIDOption();
  uuid.setString(new Empty());
  const readOptions = new ReadReq.Options();
  readOptions.setAll(all);
  readOptions.setReadDirection(ReadReq.Options.ReadDirection.BACKWARDS);
  readOptions.setResolveLinks(false);
  readOptions.setCount(String(maxCount));
  readOptions.setUuidOption(uuid);
  readOptions.setFilter(filter);
  const request = new ReadReq();
  request.setOptions(readOptions);

  const machinery = client as unknown as ClientCallMachinery;
  const createStream = machinery.GRPCStreamCreator(StreamsClient, 'readAllFiltered', (grpc) =>
    grpc.read(request, ...machinery.callArguments(options, { deadline: Infinity })),
  );
  return new ReadStream<AllStreamResolvedEvent>(createStream, convertGrpcEvent as never, {});
}
