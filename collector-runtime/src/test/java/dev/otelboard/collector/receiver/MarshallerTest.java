package dev.otelboard.collector.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.KnownLength;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The byte[] marshaller reads each message in one sized copy, and tolerates streams that lie. */
class MarshallerTest {
  private static final byte[] BYTES = "0123456789abcdefghij".getBytes();

  /** A KnownLength stream whose available() under-reports by {@code short}. */
  private static final class Sized extends ByteArrayInputStream implements KnownLength {
    private final int shortBy;

    Sized(byte[] b, int shortBy) {
      super(b);
      this.shortBy = shortBy;
    }

    @Override
    public synchronized int available() {
      return Math.max(0, super.available() - shortBy);
    }
  }

  @Test
  void readsAKnownLengthStreamExactly() throws IOException {
    assertThat(OtlpGrpcReceiver.readMessage(new Sized(BYTES, 0))).isEqualTo(BYTES);
  }

  @Test
  void readsTheRestWhenAvailableUnderReports() throws IOException {
    assertThat(OtlpGrpcReceiver.readMessage(new Sized(BYTES, 7))).isEqualTo(BYTES);
    assertThat(OtlpGrpcReceiver.readMessage(new Sized(BYTES, 1))).isEqualTo(BYTES);
  }

  @Test
  void readsAnyOtherStream() throws IOException {
    InputStream plain = new java.io.BufferedInputStream(new ByteArrayInputStream(BYTES));
    assertThat(OtlpGrpcReceiver.readMessage(plain)).isEqualTo(BYTES);
    assertThat(OtlpGrpcReceiver.readMessage(new Sized(new byte[0], 0))).isEmpty();
  }

  @Test
  void outgoingStreamIsSizedAndDrainsInOneWrite() throws IOException {
    InputStream stream = OtlpGrpcReceiver.BYTES.stream(BYTES);
    assertThat(stream).isInstanceOf(KnownLength.class).isInstanceOf(io.grpc.Drainable.class);
    assertThat(stream.available()).isEqualTo(BYTES.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(((io.grpc.Drainable) stream).drainTo(out)).isEqualTo(BYTES.length);
    assertThat(out.toByteArray()).isEqualTo(BYTES);
    assertThat(stream.read()).isEqualTo(-1);
  }
}
