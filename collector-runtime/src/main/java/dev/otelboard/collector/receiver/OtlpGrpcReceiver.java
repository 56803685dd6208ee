package dev.otelboard.collector.receiver;

import dev.otelboard.collector.pipeline.Pipeline;
import dev.otelboard.collector.pipeline.Signal;
import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.InternalNettyServerCredentials;
import io.grpc.netty.NettyServerBuilder;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * OTLP/gRPC receiver (TraceService, LogsService, MetricsService). Requests arrive as raw bytes
 * through a byte[] marshaller, so nothing is parsed into protobuf objects: the wire scanner reads
 * only what correlation needs and the bytes travel on untouched to the sinks that want them.
 */
public final class OtlpGrpcReceiver implements AutoCloseable {
  /** Large windows let one stream keep several 512-span batches in flight on loopback. */
  private static final int FLOW_CONTROL_WINDOW = 16 * 1024 * 1024;

  /**
   * Reads a message as bytes; used for both requests and responses. grpc-java hands the parser a
   * {@link KnownLength} stream over the received network buffers, so the message is copied once
   * into an array of exactly its size ({@link InputStream#readAllBytes} would copy it twice through
   * a list of 8 KiB chunks, the top CPU frame of the receiver before). Outgoing messages are
   * streams grpc-java can size and drain in one copy (see {@link ByteArrayStream}).
   */
  public static final MethodDescriptor.Marshaller<byte[]> BYTES = marshaller(byte[]::new);

  /** The bytes marshaller reading each message into an array from {@code arrays}. */
  private static MethodDescriptor.Marshaller<byte[]> marshaller(IntFunction<byte[]> arrays) {
    return new MethodDescriptor.Marshaller<>() {
      @Override
      public InputStream stream(byte[] value) {
        return new ByteArrayStream(value);
      }

      @Override
      public byte[] parse(InputStream stream) {
        try {
          return readMessage(stream, arrays);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  /** The bytes of a message stream, in one copy when the stream knows its length. */
  static byte[] readMessage(InputStream stream) throws IOException {
    return readMessage(stream, byte[]::new);
  }

  /** {@link #readMessage(InputStream)} into an array from {@code arrays} when the length is known. */
  static byte[] readMessage(InputStream stream, IntFunction<byte[]> arrays) throws IOException {
    if (!(stream instanceof KnownLength)) {
      return stream.readAllBytes();
    }
    int length = stream.available();
    byte[] bytes = arrays.apply(length);
    int read = stream.readNBytes(bytes, 0, length);
    if (read < length) {
      return Arrays.copyOf(bytes, read);
    }
    int next = stream.read();
    if (next < 0) {
      return bytes;
    }
    // available() was only a lower bound: append the rest.
    byte[] rest = stream.readAllBytes();
    byte[] all = Arrays.copyOf(bytes, length + 1 + rest.length);
    all[length] = (byte) next;
    System.arraycopy(rest, 0, all, length + 1, rest.length);
    return all;
  }

  /**
   * A byte array as a message stream that grpc-java can size ({@link KnownLength}) and write
   * straight into its transport buffers ({@link Drainable}) instead of copying it through a
   * temporary buffer and a chain of buffers of unknown total length.
   */
  public static final class ByteArrayStream extends ByteArrayInputStream
      implements KnownLength, Drainable {
    /** A stream over all of {@code bytes}, shared, not copied. */
    public ByteArrayStream(byte[] bytes) {
      super(bytes);
    }

    @Override
    public synchronized int drainTo(OutputStream target) throws IOException {
      int n = count - pos;
      target.write(buf, pos, n);
      pos = count;
      return n;
    }
  }

  /** Event loops for connections: grpc-java's default, twice the cores. */
  private static final int WORKER_THREADS = 2 * Runtime.getRuntime().availableProcessors();

  private final Server server;
  private final ScheduledExecutorService timer;
  private final HoldTimer holds;
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;

  /**
   * Binds the receiver; {@code port} 0 picks a free port, see {@link #port()}.
   *
   * @param maxRequestBytes larger requests get RESOURCE_EXHAUSTED from grpc-java itself
   */
  public OtlpGrpcReceiver(Pipeline pipeline, InetSocketAddress address, int maxRequestBytes)
      throws IOException {
    this(pipeline, address, maxRequestBytes, new WrongProtocols());
  }

  /**
   * Binds the receiver; connections that speak HTTP/1.1 or TLS instead of plain HTTP/2 are
   * recorded in {@code wrong}.
   */
  public OtlpGrpcReceiver(Pipeline pipeline, InetSocketAddress address, int maxRequestBytes,
      WrongProtocols wrong) throws IOException {
    Ingest ingest = new Ingest(pipeline);
    ScheduledThreadPoolExecutor holdTimer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "otelboard-grpc-reply-timer");
              t.setDaemon(true);
              return t;
            });
    this.timer = holdTimer;
    this.holds = new HoldTimer(holdTimer);
    // Our own event loops, because grpc-java takes a channel type only together with them.
    this.boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    this.workers = new MultiThreadIoEventLoopGroup(WORKER_THREADS, NioIoHandler.newFactory());
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(
                address, InternalNettyServerCredentials.create(new SniffingNegotiator(wrong)))
            .channelType(QuickAck.ServerChannel.class)
            .bossEventLoopGroup(boss)
            .workerEventLoopGroup(workers)
            .flowControlWindow(FLOW_CONTROL_WINDOW)
            .maxInboundMessageSize(maxRequestBytes)
            // Handlers only scan bytes and offer to a non-blocking queue: no need for a pool.
            .directExecutor();
    for (Signal signal : Signal.values()) {
      builder.addService(service(signal, ingest, holds));
    }
    try {
      this.server = builder.build().start();
    } catch (IOException | RuntimeException e) {
      holds.close();
      timer.shutdownNow();
      shutdownEventLoops();
      throw e;
    }
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

  private static ServerServiceDefinition service(
      Signal signal, Ingest ingest, HoldTimer holds) {
    // Requests are read into arrays the pipeline may have handed back (Ingest.requestArray).
    MethodDescriptor<byte[], byte[]> method =
        exportMethod(signal).toBuilder(marshaller(ingest::requestArray), BYTES).build();
    return ServerServiceDefinition.builder(method.getServiceName())
        .addMethod(
            method,
            ServerCalls.asyncUnaryCall(
                (byte[] request, StreamObserver<byte[]> response) ->
                    export(signal, ingest, holds, request, response)))
        .build();
  }

  private static void export(
      Signal signal,
      Ingest ingest,
      HoldTimer holds,
      byte[] request,
      StreamObserver<byte[]> response) {
    HeldReply<byte[]> reply =
        new HeldReply<>(
            message -> {
              try {
                response.onNext(message);
                response.onCompleted();
              } catch (RuntimeException e) {
                // The call was cancelled or the server stopped meanwhile: nobody is left to answer.
              }
            });
    IngestResult result = ingest.accept(signal, request, reply::processed);
    if (result.isAccepted()) {
      reply.ready(OtlpResponses.exportResponse(signal, result).toByteArray(), ingest.busy(), holds);
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
    } finally {
      // Answers still held go out now (late calls are ignored by a stopped server).
      holds.close();
      timer.shutdown();
      shutdownEventLoops();
    }
  }

  private void shutdownEventLoops() {
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
  }
}
