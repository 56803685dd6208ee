package dev.otelboard.collector.receiver;

import dev.otelboard.collector.pipeline.Pipeline;
import dev.otelboard.collector.pipeline.Signal;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * OTLP/gRPC receiver (TraceService, LogsService, MetricsService). Requests arrive as raw bytes
 * through a byte[] marshaller, so nothing is parsed into protobuf objects: the wire scanner reads
 * only what correlation needs and the bytes travel on untouched to the sinks that want them.
 */
public final class OtlpGrpcReceiver implements AutoCloseable {
  /** Large windows let one stream keep several 512-span batches in flight on loopback. */
  private static final int FLOW_CONTROL_WINDOW = 16 * 1024 * 1024;

  /** Reads a message as bytes; used for both requests and responses. */
  public static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  private final Server server;

  /**
   * Binds the receiver; {@code port} 0 picks a free port, see {@link #port()}.
   *
   * @param maxRequestBytes larger requests get RESOURCE_EXHAUSTED from grpc-java itself
   */
  public OtlpGrpcReceiver(Pipeline pipeline, InetSocketAddress address, int maxRequestBytes)
      throws IOException {
    Ingest ingest = new Ingest(pipeline);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(address)
            .flowControlWindow(FLOW_CONTROL_WINDOW)
            .maxInboundMessageSize(maxRequestBytes)
            // Handlers only scan bytes and offer to a non-blocking queue: no need for a pool.
            .directExecutor();
    for (Signal signal : Signal.values()) {
      builder.addService(service(signal, ingest));
    }
    this.server = builder.build().start();
  }

  /** The method descriptor of a signal's Export call, with raw byte[] messages. */
  public static MethodDescriptor<byte[], byte[]> exportMethod(Signal signal) {
    return MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(signal.grpcMethod())
        .setRequestMarshaller(BYTES)
        .setResponseMarshaller(BYTES)
        .build();
  }

  private static ServerServiceDefinition service(Signal signal, Ingest ingest) {
    MethodDescriptor<byte[], byte[]> method = exportMethod(signal);
    return ServerServiceDefinition.builder(method.getServiceName())
        .addMethod(
            method,
            ServerCalls.asyncUnaryCall(
                (byte[] request, StreamObserver<byte[]> response) ->
                    export(signal, ingest, request, response)))
        .build();
  }

  private static void export(
      Signal signal, Ingest ingest, byte[] request, StreamObserver<byte[]> response) {
    IngestResult result = ingest.accept(signal, request);
    if (result.isAccepted()) {
      response.onNext(OtlpResponses.exportResponse(signal, result).toByteArray());
      response.onCompleted();
    } else {
      response.onError(StatusProto.toStatusRuntimeException(OtlpResponses.errorStatus(result)));
    }
  }

  /** The bound port. */
  public int port() {
    return server.getPort();
  }

  /** Stops taking new calls and waits briefly for calls in progress. Idempotent. */
  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
