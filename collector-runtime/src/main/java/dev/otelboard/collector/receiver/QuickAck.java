package dev.otelboard.collector.receiver;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.List;
import jdk.net.ExtendedSocketOptions;

/**
 * Server channels whose accepted connections acknowledge every TCP segment at once (Linux
 * {@code TCP_QUICKACK}); used by both receivers.
 *
 * <p>Why: clients that leave Nagle's algorithm on (OkHttp, the transport of the OTel SDK's default
 * HTTP and gRPC senders) hold the last partial segment of a request until the previous one is
 * acknowledged. Linux delays that ACK (up to 40 ms) once a connection looks interactive, which a
 * request/response connection does after its first answer, so each export waited for the
 * delayed-ACK timer: 29 ms per 512-span OTLP/HTTP export and 24 ms per OTLP/gRPC export while both
 * processes idled, against 1-4 ms with quick ACKs. The kernel leaves quick-ack mode on its own, so
 * it is switched on again after every read that got data (one setsockopt per read of up to
 * 64 KiB). Where the platform lacks the option (not Linux) the channels behave as plain NIO ones.
 */
final class QuickAck {
  private static final ChannelOption<Boolean> OPTION = NioChannelOption.of(ExtendedSocketOptions.TCP_QUICKACK);

  private QuickAck() {}

  /** Switches quick acks on; returns whether the platform has them. */
  static boolean enable(Channel channel) {
    return channel.config().setOption(OPTION, true);
  }

  /** A NIO server channel whose accepted connections are {@link Connection}s. */
  public static final class ServerChannel extends NioServerSocketChannel {
    @Override
    protected int doReadMessages(List<Object> buf) throws Exception {
      java.nio.channels.SocketChannel accepted = javaChannel().accept();
      if (accepted == null) {
        return 0;
      }
      try {
        buf.add(new Connection(this, accepted));
        return 1;
      } catch (RuntimeException e) {
        accepted.close();
        throw e;
      }
    }
  }

  /** An accepted connection that keeps quick-ack mode on. */
  static final class Connection extends NioSocketChannel {
    private final boolean supported;

    Connection(Channel parent, java.nio.channels.SocketChannel socket) {
      super(parent, socket);
      this.supported = enable(this);
    }

    @Override
    protected int doReadBytes(ByteBuf buf) throws Exception {
      int n = super.doReadBytes(buf);
      if (n > 0 && supported) {
        enable(this);
      }
      return n;
    }
  }
}
