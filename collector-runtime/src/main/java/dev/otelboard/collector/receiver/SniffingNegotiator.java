package dev.otelboard.collector.receiver;

import io.grpc.netty.GrpcHttp2ConnectionHandler;
import io.grpc.netty.InternalProtocolNegotiator;
import io.grpc.netty.InternalProtocolNegotiators;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
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
    ChannelHandler next = plaintext.newHandler(grpcHandler);
    return new ChannelHandlerAdapter() {
      @Override
      public void handlerAdded(ChannelHandlerContext ctx) {
        ctx.pipeline().addBefore(ctx.name(), null, new ProtocolSniffer(true, wrong));
        ctx.pipeline().replace(this, null, next);
      }
    };
  }

  @Override
  public void close() {
    plaintext.close();
  }
}
