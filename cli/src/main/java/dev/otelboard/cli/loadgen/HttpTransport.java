package dev.otelboard.cli.loadgen;

import dev.otelboard.collector.pipeline.Signal;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * OTLP/HTTP 1.1 (protobuf or JSON bodies): one keep-alive connection per request slot, as an
 * HTTP/1.1 exporter with several exports in flight needs one connection each. TCP_NODELAY is on,
 * as the SDK's JDK sender has it. Bodies are wrapped, not copied, into Netty buffers.
 */
final class HttpTransport implements Transport {
  private static final int MAX_RESPONSE_BYTES = 1 << 20;

  private final EventLoopGroup group;
  private final Bootstrap bootstrap;
  private final String host;
  private final int port;
  private final String contentType;
  private final List<Channel> channels = new ArrayList<>();
  private volatile boolean closed;

  HttpTransport(String host, int port, boolean json) {
    this.host = host;
    this.port = port;
    this.contentType = json ? "application/json" : "application/x-protobuf";
    this.group = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(), NioIoHandler.newFactory());
    this.bootstrap =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new HttpClientCodec())
                        .addLast(new HttpObjectAggregator(MAX_RESPONSE_BYTES))
                        .addLast(new Answers());
                  }
                });
  }

  @Override
  public Lane open(int connection, int slot) throws InterruptedException {
    Channel channel = bootstrap.connect(host, port).sync().channel();
    synchronized (channels) {
      channels.add(channel);
    }
    Answers answers = channel.pipeline().get(Answers.class);
    String authority = host + ":" + port;
    return new Lane() {
      @Override
      public void send(Signal signal, byte[] body, Consumer<Answer> answer) {
        FullHttpRequest request =
            new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1, HttpMethod.POST, signal.httpPath(), Unpooled.wrappedBuffer(body));
        request.headers()
            .set(HttpHeaderNames.HOST, authority)
            .set(HttpHeaderNames.CONTENT_TYPE, contentType)
            .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        answers.pending = answer;
        channel.writeAndFlush(request).addListener(written -> {
          if (!written.isSuccess()) {
            answers.answer(Answer.FAILED);
          }
        });
      }

      @Override
      public boolean closed() {
        return closed || !channel.isActive();
      }
    };
  }

  /** Turns each response into the pending request's answer: 200, 429/503 (retryable), else failed. */
  private static final class Answers extends SimpleChannelInboundHandler<FullHttpResponse> {
    private volatile Consumer<Answer> pending;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
      int code = response.status().code();
      answer(code == 200 ? Answer.ACCEPTED : code == 429 || code == 503 ? Answer.REFUSED : Answer.FAILED);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      answer(Answer.FAILED);
      ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }

    void answer(Answer answer) {
      Consumer<Answer> callback = pending;
      pending = null;
      if (callback != null) {
        callback.accept(answer);
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    synchronized (channels) {
      for (Channel channel : channels) {
        channel.close();
      }
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
  }
}
