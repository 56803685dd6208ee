package dev.otelboard.cli.loadgen;

import dev.otelboard.collector.pipeline.Signal;
import dev.otelboard.collector.receiver.OtlpGrpcReceiver;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * OTLP/gRPC: {@code connections} HTTP/2 channels, the slots of a connection multiplexed on it.
 * Request bytes go to grpc-java as a sized, drainable stream, copied once into transport buffers.
 * Calls carry no deadline: its grpc-timeout header differs on every call, so HPACK could never
 * index it and each call re-encoded it and churned the encoder's table.
 */
final class GrpcTransport implements Transport {
  private final Map<Signal, MethodDescriptor<byte[], byte[]>> methods = new EnumMap<>(Signal.class);
  private final List<ManagedChannel> channels = new ArrayList<>();

  /**
   * Netty's flow controller writes only while the channel is writable (64 KiB buffered by
   * default), split among the streams with data: with 8 requests in flight that is 16 KiB pieces.
   * A 4 MiB mark lets each request go out in the collector's (large) frame size.
   */
  private static final int WRITE_BUFFER_HIGH_WATER_MARK = 4 << 20;

  GrpcTransport(String host, int port, int connections) {
    for (Signal signal : Signal.values()) {
      methods.put(signal, OtlpGrpcReceiver.exportMethod(signal));
    }
    for (int c = 0; c < connections; c++) {
      channels.add(
          NettyChannelBuilder.forAddress(host, port)
              .withOption(
                  ChannelOption.WRITE_BUFFER_WATER_MARK,
                  new WriteBufferWaterMark(WRITE_BUFFER_HIGH_WATER_MARK / 2, WRITE_BUFFER_HIGH_WATER_MARK))
              .usePlaintext()
              .flowControlWindow(16 * 1024 * 1024)
              // Callbacks only renew ids and start the next call: run them on the event loop.
              .directExecutor()
              // Retry support buffers every sent message for a possible replay; the slots retry
              // refusals themselves.
              .disableRetry()
              .build());
    }
  }

  @Override
  public Lane open(int connection, int slot) {
    ManagedChannel channel = channels.get(connection);
    return new Lane() {
      @Override
      public void send(Signal signal, byte[] body, Consumer<Answer> answer) {
        ClientCall<byte[], byte[]> call = channel.newCall(methods.get(signal), CallOptions.DEFAULT);
        call.start(
            new ClientCall.Listener<>() {
              @Override
              public void onClose(Status status, Metadata trailers) {
                Status.Code code = status.getCode();
                answer.accept(
                    status.isOk()
                        ? Answer.ACCEPTED
                        : code == Status.Code.UNAVAILABLE || code == Status.Code.RESOURCE_EXHAUSTED
                            ? Answer.REFUSED
                            : Answer.FAILED);
              }
            },
            new Metadata());
        call.request(1);
        call.sendMessage(body);
        call.halfClose();
      }

      @Override
      public boolean closed() {
        return channel.isShutdown();
      }
    };
  }

  @Override
  public void close() throws InterruptedException {
    for (ManagedChannel channel : channels) {
      channel.shutdown();
    }
    for (ManagedChannel channel : channels) {
      // Calls have no deadline: one the collector never answers must not hold the exit.
      if (!channel.awaitTermination(10, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    }
  }
}
