package dev.otelboard.collector.sink;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.otelboard.collector.pipeline.Batch;
import dev.otelboard.collector.pipeline.Sink;
import dev.otelboard.collector.receiver.OtlpJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes every received request as one line of OTLP JSON, the shape of the OpenTelemetry
 * Collector's file exporter, so the data can be read by people or replayed with curl.
 */
public final class OtlpJsonFileSink implements Sink {
  private final Path file;
  private final BufferedWriter writer;
  private long lines;
  private boolean closed;

  /** Creates (or truncates) {@code file}. */
  public OtlpJsonFileSink(Path file) throws IOException {
    this.file = file;
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  @Override
  public String name() {
    return "file " + file;
  }

  /** Parses the bytes (protobuf copies what it keeps) inside {@link #consume}. */
  @Override
  public boolean retainsPayload() {
    return false;
  }

  @Override
  public void consume(Batch batch) {
    String line;
    try {
      // The receiver validated the bytes with the wire scanner; a full parse is only needed here.
      line = OtlpJson.print(OtlpJson.parseRequest(batch.signal(), batch.payload()));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("accepted request no longer parses: " + e.getMessage(), e);
    }
    try {
      writer.write(line);
      writer.write('\n');
      lines++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  @Override
  public void flush() {
    try {
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Lines written so far. */
  public long lines() {
    return lines;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + file, e);
    }
  }
}
