package dev.otelboard.collector.receiver;

import io.grpc.netty.GrpcHttp2ConnectionHandler;
import io.grpc.netty.InternalProtocolNegotiator;
import io.grpc.netty.InternalProtocolNegotiators;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.util.AsciiString;

/**
 * grpc-java's plain-text server negotiation with a {@link ProtocolSniffer} in front, so an
 * OTLP/HTTP exporter pointed at the gRPC port is recorded and answered instead of failing in the
 * HTTP/2 codec without a word. Uses grpc-java's {@code Internal*} negotiator API (the version
 * is pinned by grpc-bom).
 */
final class SniffingNegotiator implements InternalProtocolNegotiator.ProtocolNegotiator {
  private final InternalProtocolNegotiator.ProtocolNegotiator plaintext =
      InternalProtocolNegotiators.serverPlaintext();
  private final WrongProtocols wrong;

  SniffingNegotiator(WrongProtocols wrong) {
    this.wrong = wrong;
  }

  @Override
  public AsciiString scheme() {
    return plaintext.scheme();
  }

  @Override
  public ChannelHandler newHandler(GrpcHttp2ConnectionHandler grpcHandler) {
    // Frames cross socket reads; the default cumulator copies every read after a partial frame
    // into one buffer (a second copy of nearly every byte), the composite one only links them.
    grpcHandler.setCumulator(ByteToMessageDecoder.COMPOSITE_CUMULATOR);
    ChannelHandler next = plaintext.newHandler(grpcHandler);
    return new ChannelHandlerAdapter() {
      @Override
      public void handlerAdded(ChannelHandlerContext ctx) {
        ctx.pipeline().addBefore(ctx.name(), null,
            new ProtocolSniffer(true, wrong, pipeline -> offerLargeFrames(grpcHandler, pipeline)));
        ctx.pipeline().replace(this, null, next);
      }
    };
  }

  /** The largest DATA frame clients may send (HTTP/2's default is 16 KiB, its maximum 16 MiB - 1). */
  static final int MAX_FRAME_SIZE = 1 << 20;

  /**
   * Tells the client (a second SETTINGS frame, after grpc-java's own) that it may send DATA frames
   * of up to {@link #MAX_FRAME_SIZE}: grpc-java has no setting for it, and at HTTP/2's default of
   * 16 KiB a 170 KB export arrives as 11 frames, each parsed, flow-controlled and handed to the
   * deframer on its own. Netty applies the larger limit to what it reads once the client
   * acknowledges the frame, which the client does before it sends a larger one.
   */
  private static void offerLargeFrames(GrpcHttp2ConnectionHandler grpcHandler, ChannelPipeline pipeline) {
    ChannelHandlerContext ctx = pipeline.context(grpcHandler);
    if (ctx == null) {
      return;
    }
    grpcHandler.encoder().writeSettings(ctx, new Http2Settings().maxFrameSize(MAX_FRAME_SIZE), ctx.newPromise());
    ctx.flush();
  }

  @Override
  public void close() {
    plaintext.close();
  }
}
