package dev.otelboard.collector.wire;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What correlation needs from one {@code ExportTraceServiceRequest}, one column per field, one row
 * per accepted span in request order. Spans with an invalid (empty or all-zero) trace or span id
 * are not rows; they are counted by {@link #rejectedSpans()}. Names stay in the request bytes until
 * {@link #name(int)} decodes one. Not thread-safe to build; safe to read once published.
 */
public final class SpanBatch {
  private final byte[] buf;
  private final List<Resource> resources = new ArrayList<>();
  private final List<Resource> resourcesView = Collections.unmodifiableList(resources);
  private int count;
  private int rejectedSpans;
  private long[] traceIdHi;
  private long[] traceIdLo;
  private long[] spanId;
  private long[] parentSpanId;
  private long[] startNanos;
  private long[] endNanos;
  private int[] kind;
  private int[] resource;
  private int[] nameOffset;
  private int[] nameLength;

  SpanBatch(byte[] buf, int capacity) {
    this.buf = buf;
    traceIdHi = new long[capacity];
    traceIdLo = new long[capacity];
    spanId = new long[capacity];
    parentSpanId = new long[capacity];
    startNanos = new long[capacity];
    endNanos = new long[capacity];
    kind = new int[capacity];
    resource = new int[capacity];
    nameOffset = new int[capacity];
    nameLength = new int[capacity];
  }

  void add(
      long hi,
      long lo,
      long span,
      long parent,
      int spanKind,
      long start,
      long end,
      int resourceIndex,
      int nameOff,
      int nameLen) {
    if (count == spanId.length) {
      grow();
    }
    int i = count++;
    traceIdHi[i] = hi;
    traceIdLo[i] = lo;
    spanId[i] = span;
    parentSpanId[i] = parent;
    kind[i] = spanKind;
    startNanos[i] = start;
    endNanos[i] = end;
    resource[i] = resourceIndex;
    nameOffset[i] = nameOff;
    nameLength[i] = nameLen;
  }

  private void grow() {
    resize(Math.max(8, spanId.length * 2));
  }

  /** Makes room for {@code rows} rows in all, so that a well-guessed batch never copies. */
  void reserve(int rows) {
    if (rows > spanId.length) {
      resize(rows);
    }
  }

  private void resize(int capacity) {
    traceIdHi = Arrays.copyOf(traceIdHi, capacity);
    traceIdLo = Arrays.copyOf(traceIdLo, capacity);
    spanId = Arrays.copyOf(spanId, capacity);
    parentSpanId = Arrays.copyOf(parentSpanId, capacity);
    startNanos = Arrays.copyOf(startNanos, capacity);
    endNanos = Arrays.copyOf(endNanos, capacity);
    kind = Arrays.copyOf(kind, capacity);
    resource = Arrays.copyOf(resource, capacity);
    nameOffset = Arrays.copyOf(nameOffset, capacity);
    nameLength = Arrays.copyOf(nameLength, capacity);
  }

  void addResource(Resource r) {
    resources.add(r);
  }

  void reject() {
    rejectedSpans++;
  }

  /** Number of accepted spans (rows). */
  public int count() {
    return count;
  }

  /** Spans left out because their trace or span id was empty or all zeros. */
  public int rejectedSpans() {
    return rejectedSpans;
  }

  /** The first 8 bytes of span {@code i}'s trace id, big-endian. */
  public long traceIdHi(int i) {
    return traceIdHi[Objects.checkIndex(i, count)];
  }

  /** The last 8 bytes of span {@code i}'s trace id, big-endian. */
  public long traceIdLo(int i) {
    return traceIdLo[Objects.checkIndex(i, count)];
  }

  /** Span {@code i}'s span id, big-endian; never 0. */
  public long spanId(int i) {
    return spanId[Objects.checkIndex(i, count)];
  }

  /** Span {@code i}'s parent span id, big-endian, or 0 for a root span. */
  public long parentSpanId(int i) {
    return parentSpanId[Objects.checkIndex(i, count)];
  }

  /**
   * Span {@code i}'s OTLP {@code SpanKind} number: 0 unspecified, 1 internal, 2 server, 3 client, 4
   * producer, 5 consumer (other values are passed through as sent).
   */
  public int kind(int i) {
    return kind[Objects.checkIndex(i, count)];
  }

  /** Span {@code i}'s {@code start_time_unix_nano}. */
  public long startNanos(int i) {
    return startNanos[Objects.checkIndex(i, count)];
  }

  /** Span {@code i}'s {@code end_time_unix_nano}. */
  public long endNanos(int i) {
    return endNanos[Objects.checkIndex(i, count)];
  }

  /** Index into {@link #resources()} of span {@code i}'s resource. */
  public int resource(int i) {
    return resource[Objects.checkIndex(i, count)];
  }

  /** Span {@code i}'s name, decoded from the request bytes on each call. */
  public String name(int i) {
    Objects.checkIndex(i, count);
    return new String(buf, nameOffset[i], nameLength[i], UTF_8);
  }

  /** Where span {@code i}'s UTF-8 name starts in {@link #buffer()}. */
  public int nameOffset(int i) {
    return nameOffset[Objects.checkIndex(i, count)];
  }

  /** Length in bytes of span {@code i}'s UTF-8 name. */
  public int nameLength(int i) {
    return nameLength[Objects.checkIndex(i, count)];
  }

  /**
   * The request bytes this batch was scanned from, shared, not copied, so that consumers can read
   * names without allocating; never modify them.
   */
  public byte[] buffer() {
    return buf;
  }

  /** One entry per {@code ResourceSpans} in the request, in request order. */
  public List<Resource> resources() {
    return resourcesView;
  }
}
