package dev.otelboard.collector.receiver;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.channel.PendingWriteQueue;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The first handler of a receiver's connection: reads its first bytes to tell the HTTP/2
 * connection preface (gRPC) from an HTTP/1.x request line and from a TLS handshake. A connection
 * that speaks what the port serves goes on untouched (the handler removes itself); one that
 * speaks another protocol is recorded in {@link WrongProtocols}, answered where its protocol
 * allows (HTTP/1.1 gets a 400 naming the mistake) and closed. Nothing is lost silently. Until it
 * has decided it holds back what the server writes first (an HTTP/2 server's SETTINGS frame), so
 * an HTTP/1.1 client reads a clean answer.
 */
final class ProtocolSniffer extends ChannelDuplexHandler {
  /** The client connection preface every HTTP/2 connection starts with (RFC 9113 §3.4). */
  private static final byte[] PREFACE =
      "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  /** A TLS record of type handshake. */
  private static final int TLS_HANDSHAKE = 0x16;
  /** The longest HTTP method token looked for before deciding it is not HTTP/1.x. */
  private static final int MAX_METHOD = 16;
  /** How much of a request line the example keeps. */
  private static final int MAX_EXAMPLE = 80;

  /** What the first bytes say. */
  enum Seen { MORE, HTTP_2, HTTP_1, TLS, OTHER }

  private final boolean servesHttp2;
  private final WrongProtocols wrong;
  private final Consumer<ChannelPipeline> onExpected;
  private ByteBuf head;
  private PendingWriteQueue held;
  private boolean flushHeld;

  /**
   * @param servesHttp2 true on the gRPC port, false on the OTLP/HTTP port
   */
  ProtocolSniffer(boolean servesHttp2, WrongProtocols wrong) {
    this(servesHttp2, wrong, pipeline -> {});
  }

  /**
   * @param onExpected runs once a connection is known to speak the port's protocol, after the
   *     held writes went out and this handler left the pipeline (so what it writes goes out after them)
   */
  ProtocolSniffer(boolean servesHttp2, WrongProtocols wrong, Consumer<ChannelPipeline> onExpected) {
    this.servesHttp2 = servesHttp2;
    this.wrong = wrong;
    this.onExpected = onExpected;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf bytes)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (head == null) {
      head = bytes;
    } else {
      ByteBuf both = ctx.alloc().buffer(head.readableBytes() + bytes.readableBytes());
      both.writeBytes(head).writeBytes(bytes);
      head.release();
      bytes.release();
      head = both;
    }
    Seen seen = classify(head);
    if (seen == Seen.MORE) {
      return;
    }
    ByteBuf first = head;
    head = null;
    boolean expected = seen == Seen.OTHER
        || (servesHttp2 ? seen == Seen.HTTP_2 : seen == Seen.HTTP_1);
    if (expected) {
      if (held != null) {
        held.removeAndWriteAll();
        if (flushHeld) {
          ctx.flush();
        }
        held = null;
      }
      ChannelPipeline pipeline = ctx.pipeline();
      pipeline.remove(this);
      onExpected.accept(pipeline);
      ctx.fireChannelRead(first);
      return;
    }
    // What the server meant to write stays held (and fails once the connection is closed), so the
    // client reads only the answer below.
    String protocol = switch (seen) {
      case HTTP_1 -> WrongProtocols.HTTP_1;
      case HTTP_2 -> WrongProtocols.HTTP_2;
      default -> WrongProtocols.TLS;
    };
    String example = seen == Seen.HTTP_1 ? requestLine(first)
        : seen == Seen.HTTP_2 ? "HTTP/2 connection preface" : "TLS handshake";
    first.release();
    int port = ctx.channel().localAddress() instanceof InetSocketAddress a ? a.getPort() : 0;
    wrong.record(servesHttp2 ? "OTLP/gRPC" : "OTLP/HTTP", port, protocol, example);
    if (seen == Seen.HTTP_1) {
      byte[] body = ("this port receives OTLP/gRPC (HTTP/2); send OTLP/HTTP to the collector's"
          + " HTTP port (4318 by default)\n").getBytes(StandardCharsets.UTF_8);
      ByteBuf answer = Unpooled.wrappedBuffer(("HTTP/1.1 400 Bad Request\r\n"
          + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII), body);
      ctx.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
    } else {
      ctx.close();
    }
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (held == null) {
      held = new PendingWriteQueue(ctx);
    }
    held.add(msg, promise);
  }

  @Override
  public void flush(ChannelHandlerContext ctx) {
    flushHeld = true;
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (held != null) {
      held.removeAndFailAll(new java.io.IOException("connection closed before its protocol was known"));
      held = null;
    }
    if (head != null) {
      head.release();
      head = null;
    }
  }

  /** What the bytes read so far say about the connection's protocol. */
  static Seen classify(ByteBuf b) {
    int n = b.readableBytes();
    int at = b.readerIndex();
    if (n == 0) {
      return Seen.MORE;
    }
    if (b.getUnsignedByte(at) == TLS_HANDSHAKE) {
      return Seen.TLS;
    }
    int i = 0;
    while (i < n && i < PREFACE.length && b.getByte(at + i) == PREFACE[i]) {
      i++;
    }
    if (i == PREFACE.length) {
      return Seen.HTTP_2;
    }
    if (i == n) {
      return Seen.MORE;
    }
    // An HTTP/1.x request line starts with an upper-case method token and a space.
    for (int j = 0; j < n && j <= MAX_METHOD; j++) {
      byte c = b.getByte(at + j);
      if (c == ' ') {
        return j > 0 ? Seen.HTTP_1 : Seen.OTHER;
      }
      if (c < 'A' || c > 'Z') {
        return Seen.OTHER;
      }
    }
    return n <= MAX_METHOD ? Seen.MORE : Seen.OTHER;
  }

  private static String requestLine(ByteBuf b) {
    int n = Math.min(b.readableBytes(), MAX_EXAMPLE);
    String text = b.toString(b.readerIndex(), n, StandardCharsets.US_ASCII);
    int end = text.indexOf('\r');
    return end < 0 ? text : text.substring(0, end);
  }
}
