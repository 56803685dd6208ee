package dev.otelboard.collector.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.otelboard.collector.EmbeddedCollector;
import dev.otelboard.collector.pipeline.Signal;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OTLP/HTTP connection behaviour the SDK's HTTP senders rely on: a request written the way
 * OkHttp writes it (Nagle on, headers and body in 8 KiB pieces) is answered on its own, the
 * connection is kept for the next request, and {@code Expect: 100-continue} is honoured.
 */
class HttpConnectionTest {
  private EmbeddedCollector collector;

  @BeforeEach
  void start() throws Exception {
    collector = EmbeddedCollector.builder().setGrpcPort(0).setHttpPort(0).start();
  }

  @AfterEach
  void stop() {
    collector.close();
  }

  @Test
  void aRequestWrittenInPiecesIsAnsweredWithoutASecondRequestAndTheConnectionIsKept() throws Exception {
    byte[] body = MalformedRequestsTest.validTraces(200);
    try (Socket socket = connect()) {
      assertThat(socket.getTcpNoDelay()).as("Nagle stays on, as OkHttp leaves it").isFalse();
      for (int request = 0; request < 3; request++) {
        OutputStream out = socket.getOutputStream();
        out.write(headers(body.length, "").getBytes(StandardCharsets.US_ASCII));
        for (int at = 0; at < body.length; at += 8192) {
          out.write(body, at, Math.min(8192, body.length - at));
        }
        out.flush();
        assertThat(readResponseHead(socket.getInputStream())).startsWith("HTTP/1.1 200 OK");
      }
    }
    collector.close();
    assertThat(collector.pipeline().stats().snapshot(Signal.TRACES).acceptedItems())
        .isEqualTo(600);
  }

  @Test
  void expectContinueGetsA100BeforeTheBodyIsSent() throws Exception {
    byte[] body = MalformedRequestsTest.validTraces(10);
    try (Socket socket = connect()) {
      socket.getOutputStream().write(headers(body.length, "Expect: 100-continue\r\n").getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      assertThat(readResponseHead(socket.getInputStream())).startsWith("HTTP/1.1 100 Continue");
      socket.getOutputStream().write(body);
      socket.getOutputStream().flush();
      assertThat(readResponseHead(socket.getInputStream())).startsWith("HTTP/1.1 200 OK");
    }
  }

  @Test
  void acceptedConnectionsKeepQuickAcksOnWhereThePlatformHasThem() throws Exception {
    assumeThat(System.getProperty("os.name").toLowerCase(Locale.ROOT)).as("TCP_QUICKACK is Linux-only").contains("linux");
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    CompletableFuture<Boolean> quickAckAfterRead = new CompletableFuture<>();
    try {
      Channel server =
          new ServerBootstrap()
              .group(group)
              .channel(QuickAck.ServerChannel.class)
              .childHandler(
                  new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                      ReferenceCountUtil.release(msg);
                      quickAckAfterRead.complete(
                          ctx.channel() instanceof QuickAck.Connection
                              && ctx.channel().config().getOption(NioChannelOption.of(ExtendedSocketOptions.TCP_QUICKACK)));
                    }
                  })
              .bind("127.0.0.1", 0)
              .sync()
              .channel();
      try (Socket client = new Socket("127.0.0.1", ((InetSocketAddress) server.localAddress()).getPort())) {
        client.getOutputStream().write(1);
        assertThat(quickAckAfterRead.get(30, TimeUnit.SECONDS)).isTrue();
      }
      server.close().sync();
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", collector.httpPort());
    // A guard against a hang only: a missing answer fails the test instead of blocking the build.
    socket.setSoTimeout(30_000);
    return socket;
  }

  private static String headers(int length, String extra) {
    return "POST /v1/traces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-protobuf\r\n"
        + "Content-Length: " + length + "\r\n" + extra + "\r\n";
  }

  /** Reads a response's status line and headers, then its body by Content-Length. */
  private static String readResponseHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      assertThat(b).as("connection closed before the response headers ended").isNotNegative();
      head.write(b);
    }
    String text = head.toString(StandardCharsets.US_ASCII);
    int length = 0;
    for (String line : text.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    assertThat(in.readNBytes(length)).hasSize(length);
    return text;
  }
}
