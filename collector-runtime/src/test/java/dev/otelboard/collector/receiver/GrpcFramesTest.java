package dev.otelboard.collector.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otelboard.collector.EmbeddedCollector;
import dev.otelboard.collector.pipeline.PipelineStats.SignalStats;
import dev.otelboard.collector.pipeline.Signal;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The gRPC receiver offers clients DATA frames larger than HTTP/2's 16 KiB default, and reads them. */
class GrpcFramesTest {
  private static final int SETTINGS = 0x4;
  private static final int ACK = 0x1;
  private static final int MAX_FRAME_SIZE = 0x5;

  @Test
  void theServerAdvertisesLargeFramesAfterItsOwnSettings() throws Exception {
    try (EmbeddedCollector collector = EmbeddedCollector.builder().setGrpcPort(0).setHttpPort(0).start();
        Socket socket = new Socket("127.0.0.1", collector.grpcPort())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[] {0, 0, 0, SETTINGS, 0, 0, 0, 0, 0}); // an empty SETTINGS frame
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      int settingsFrames = 0;
      long advertised = -1;
      while (advertised < 0) {
        int length = in.readUnsignedShort() << 8 | in.readUnsignedByte();
        int type = in.readUnsignedByte();
        int flags = in.readUnsignedByte();
        in.readInt(); // stream id
        byte[] payload = in.readNBytes(length);
        if (type != SETTINGS || (flags & ACK) != 0) {
          continue;
        }
        settingsFrames++;
        for (int i = 0; i + 6 <= length; i += 6) {
          int id = (payload[i] & 0xff) << 8 | (payload[i + 1] & 0xff);
          long value = ((payload[i + 2] & 0xffL) << 24) | ((payload[i + 3] & 0xff) << 16)
              | ((payload[i + 4] & 0xff) << 8) | (payload[i + 5] & 0xff);
          if (id == MAX_FRAME_SIZE) {
            advertised = value;
          }
        }
      }
      // The server preface (grpc-java's SETTINGS) comes first, the larger frame size after it.
      assertThat(settingsFrames).isEqualTo(2);
      assertThat(advertised).isEqualTo(SniffingNegotiator.MAX_FRAME_SIZE).isGreaterThan(16_384);
    }
  }

  @Test
  void aRequestSentInFramesLargerThanTheDefaultIsAccepted() throws Exception {
    byte[] request = MalformedRequestsTest.validTraces(2048);
    assertThat(request.length).isGreaterThan(4 * 16_384);
    try (EmbeddedCollector collector = EmbeddedCollector.builder().setGrpcPort(0).setHttpPort(0).start()) {
      // A write buffer larger than the request, so Netty's flow controller hands the frame writer
      // the whole message at once and only the peer's frame size splits it.
      ManagedChannel channel =
          NettyChannelBuilder.forAddress("127.0.0.1", collector.grpcPort())
              .usePlaintext()
              .withOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(1 << 20, 2 << 20))
              .build();
      try {
        for (int i = 0; i < 3; i++) {
          ClientCalls.blockingUnaryCall(
              channel, OtlpGrpcReceiver.exportMethod(Signal.TRACES), CallOptions.DEFAULT, request);
        }
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      collector.close();
      SignalStats traces = collector.pipeline().stats().snapshot(Signal.TRACES);
      assertThat(traces.acceptedItems()).isEqualTo(3 * 2048L);
      assertThat(traces.processedItems()).isEqualTo(traces.acceptedItems());
    }
  }
}
