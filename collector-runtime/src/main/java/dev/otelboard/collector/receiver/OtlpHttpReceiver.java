package dev.otelboard.collector.receiver;

import com.google.protobuf.Message;
import dev.otelboard.collector.pipeline.Pipeline;
import dev.otelboard.collector.pipeline.Signal;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * OTLP/HTTP receiver: {@code POST /v1/traces|logs|metrics} with {@code application/x-protobuf} or
 * {@code application/json}, gzip {@code Content-Encoding}. Answers per the OTLP spec: 200 with
 * partial success, 400 for undecodable bodies, 415 for other content types, 413 for oversized
 * bodies, 503/429 with Retry-After when the pipeline is full. An accepted export's answer is held
 * while the pipeline is busy ({@link HeldReply}), and TCP quick ACKs ({@link QuickAck}) keep
 * clients that leave Nagle on (the SDK's OkHttp sender) from waiting ~30 ms per request for a
 * delayed ACK; TCP_NODELAY is on for our answers.
 */
public final class OtlpHttpReceiver implements AutoCloseable {
  private static final String PROTOBUF = "application/x-protobuf";
  private static final String JSON = "application/json";

  /**
   * A body is passed on in pieces of at most what one socket read got (Netty reads up to 64 KiB)
   * instead of Netty's default 8 KiB: a 170 KB export is then ~3 pieces, not 21, each of which
   * travels the pipeline and becomes a component of the aggregated body.
   */
  private static final int MAX_CHUNK_BYTES = 1 << 20;

  private final EventLoopGroup group;
  private final HoldTimer holds;
  private final Channel channel;

  /** Binds the receiver; {@code port} 0 picks a free port, see {@link #port()}. */
  public OtlpHttpReceiver(Pipeline pipeline, InetSocketAddress address, int maxRequestBytes)
      throws InterruptedException {
    this(pipeline, address, maxRequestBytes, new WrongProtocols());
  }

  /**
   * Binds the receiver; connections that speak HTTP/2 (a gRPC exporter) or TLS are recorded in
   * {@code wrong}.
   */
  public OtlpHttpReceiver(Pipeline pipeline, InetSocketAddress address, int maxRequestBytes,
      WrongProtocols wrong) throws InterruptedException {
    Ingest ingest = new Ingest(pipeline);
    this.group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    // Swept on one of the event loops: cheaper than a thread of its own.
    this.holds = new HoldTimer(group.next());
    try {
      ServerBootstrap bootstrap =
          new ServerBootstrap()
              .group(group)
              .channel(QuickAck.ServerChannel.class)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      RequestPath path = new RequestPath();
                      ch.pipeline()
                          .addLast(new ProtocolSniffer(false, wrong))
                          .addLast(new HttpServerCodec(new HttpDecoderConfig().setMaxChunkSize(MAX_CHUNK_BYTES)))
                          .addLast(new HttpServerKeepAliveHandler())
                          .addLast(path)
                          .addLast(new HttpContentDecompressor())
                          .addLast(new CountingAggregator(maxRequestBytes, pipeline))
                          .addLast(new ExportHandler(ingest, pipeline, path, holds));
                    }
                  });
      this.channel = bootstrap.bind(address).sync().channel();
    } catch (RuntimeException | InterruptedException e) {
      holds.close();
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw e;
    }
  }

  /** The bound port. */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** Stops listening and closes connections. Idempotent. */
  @Override
  public void close() {
    channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    holds.close();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  /** Answers oversized bodies with 413 (Netty's behaviour) and counts them. */
  private static final class CountingAggregator extends HttpObjectAggregator {
    private final Pipeline pipeline;

    CountingAggregator(int maxContentLength, Pipeline pipeline) {
      super(maxContentLength);
      this.pipeline = pipeline;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized)
        throws Exception {
      if (oversized instanceof HttpRequest request) {
        Signal signal = signalFor(stripQuery(request.uri()));
        if (signal != null) {
          pipeline.stats().malformed(signal);
        }
      }
      super.handleOversizedMessage(ctx, oversized);
    }
  }

  /** Remembers the path of the request in progress, for errors raised before it is complete. */
  private static final class RequestPath extends ChannelInboundHandlerAdapter {
    private String uri = "";

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof HttpRequest request) {
        uri = request.uri();
      }
      ctx.fireChannelRead(msg);
    }
  }

  private static final class ExportHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final Ingest ingest;
    private final Pipeline pipeline;
    private final RequestPath path;
    private final HoldTimer holds;
    /**
     * Answers not yet written, oldest first; touched on the event loop only. A held answer (see
     * {@link HeldReply}) must not be overtaken by the answer to a pipelined request behind it.
     */
    private final ArrayDeque<FullHttpResponse[]> answers = new ArrayDeque<>();

    ExportHandler(Ingest ingest, Pipeline pipeline, RequestPath path, HoldTimer holds) {
      this.ingest = ingest;
      this.holds = holds;
      this.pipeline = pipeline;
      this.path = path;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      FullHttpResponse[] slot = new FullHttpResponse[1];
      answers.add(slot);
      HeldReply<FullHttpResponse> reply =
          new HeldReply<>(
              answer -> {
                if (ctx.executor().inEventLoop()) {
                  write(ctx, slot, answer);
                } else {
                  ctx.executor().execute(() -> write(ctx, slot, answer));
                }
              });
      FullHttpResponse response = handle(request, reply::processed);
      boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
      HttpUtil.setContentLength(response, response.content().readableBytes());
      HttpUtil.setKeepAlive(response, keepAlive);
      // Only an accepted export (200) has a batch in the queue to wait for; errors go out at once.
      boolean accepted = response.status().code() == HttpResponseStatus.OK.code();
      reply.ready(response, accepted && ingest.busy(), holds);
    }

    /** Fills an answer's slot, then writes every answer at the head of the line that is ready. */
    private void write(ChannelHandlerContext ctx, FullHttpResponse[] slot, FullHttpResponse answer) {
      slot[0] = answer;
      while (!answers.isEmpty() && answers.peek()[0] != null) {
        FullHttpResponse next = answers.poll()[0];
        var future = ctx.writeAndFlush(next);
        if (!HttpUtil.isKeepAlive(next)) {
          future.addListener(ChannelFutureListener.CLOSE);
        }
      }
    }

    private FullHttpResponse handle(FullHttpRequest request, Runnable onProcessed) {
      if (!request.decoderResult().isSuccess()) {
        return text(HttpResponseStatus.BAD_REQUEST, "unreadable HTTP request");
      }
      String path = stripQuery(request.uri());
      Signal signal = signalFor(path);
      if (signal == null) {
        return text(HttpResponseStatus.NOT_FOUND, "unknown path " + path + "; OTLP uses /v1/traces, /v1/logs, /v1/metrics");
      }
      if (!HttpMethod.POST.equals(request.method())) {
        FullHttpResponse r = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "use POST");
        r.headers().set(HttpHeaderNames.ALLOW, "POST");
        return r;
      }
      String contentType = mediaType(request.headers().get(HttpHeaderNames.CONTENT_TYPE));
      boolean json;
      if (PROTOBUF.equals(contentType)) {
        json = false;
      } else if (JSON.equals(contentType)) {
        json = true;
      } else {
        pipeline.stats().malformed(signal);
        return text(
            HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
            "unsupported content type \"" + contentType + "\"; use " + PROTOBUF + " or " + JSON);
      }
      ByteBuf content = request.content();
      byte[] protobuf;
      if (json) {
        try {
          protobuf = OtlpJson.toProtobuf(signal, ByteBufUtil.getBytes(content));
        } catch (OtlpJson.InvalidOtlpJsonException e) {
          pipeline.stats().malformed(signal);
          return status(HttpResponseStatus.BAD_REQUEST, true,
              OtlpResponses.errorStatus(IngestResult.malformed("malformed OTLP JSON: " + e.getMessage())));
        }
      } else {
        protobuf = ingest.requestArray(content.readableBytes());
        content.getBytes(content.readerIndex(), protobuf);
      }
      IngestResult result = ingest.accept(signal, protobuf, onProcessed);
      if (result.isAccepted()) {
        return message(HttpResponseStatus.OK, json, OtlpResponses.exportResponse(signal, result));
      }
      if (result.isMalformed()) {
        return status(HttpResponseStatus.BAD_REQUEST, json, OtlpResponses.errorStatus(result));
      }
      HttpResponseStatus code =
          switch (result.admission()) {
            case MEMORY_LIMIT -> HttpResponseStatus.TOO_MANY_REQUESTS;
            default -> HttpResponseStatus.SERVICE_UNAVAILABLE;
          };
      FullHttpResponse r = status(code, json, OtlpResponses.errorStatus(result));
      r.headers().set(HttpHeaderNames.RETRY_AFTER, result.admission().retryAfter().toSeconds());
      return r;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // A bad body (e.g. not gzip despite Content-Encoding: gzip) gets a 400; the connection is
      // closed because the rest of its bytes can't be trusted. Either way only this client is
      // affected: the server keeps serving.
      if (cause instanceof DecoderException && ctx.channel().isActive()) {
        Signal signal = signalFor(stripQuery(path.uri));
        if (signal != null) {
          pipeline.stats().malformed(signal);
        }
        FullHttpResponse r = text(HttpResponseStatus.BAD_REQUEST, "cannot decode the request body: " + rootMessage(cause));
        HttpUtil.setContentLength(r, r.content().readableBytes());
        r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
      } else {
        ctx.close();
      }
    }
  }

  private static String stripQuery(String uri) {
    int query = uri.indexOf('?');
    return query < 0 ? uri : uri.substring(0, query);
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  static Signal signalFor(String path) {
    for (Signal s : Signal.values()) {
      if (s.httpPath().equals(path)) {
        return s;
      }
    }
    return null;
  }

  private static String mediaType(String header) {
    if (header == null) {
      return "";
    }
    int semicolon = header.indexOf(';');
    String type = semicolon < 0 ? header : header.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }

  private static FullHttpResponse message(HttpResponseStatus code, boolean json, Message body) {
    byte[] bytes =
        json ? OtlpJson.print(body).getBytes(StandardCharsets.UTF_8) : body.toByteArray();
    FullHttpResponse r =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, code, Unpooled.wrappedBuffer(bytes));
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, json ? JSON : PROTOBUF);
    return r;
  }

  private static FullHttpResponse status(HttpResponseStatus code, boolean json, com.google.rpc.Status status) {
    return message(code, json, status);
  }

  private static FullHttpResponse text(HttpResponseStatus code, String text) {
    FullHttpResponse r =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            code,
            Unpooled.copiedBuffer(text + "\n", StandardCharsets.UTF_8));
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN + "; charset=utf-8");
    return r;
  }
}
