package dev.otelboard.collector.wire;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What correlation needs from one {@code ExportTraceServiceRequest}, one row per accepted span in
 * request order. Spans with an invalid (empty or all-zero) trace or span id are not rows; they are
 * counted by {@link #rejectedSpans()}. Names stay in the request bytes until {@link #name(int)}
 * decodes one. Not thread-safe to build; safe to read once published.
 */
public final class SpanBatch {
  /** Longs per row: trace id hi, lo, span id, parent, start, end, name, kind and resource. */
  private static final int ROW = 8;

  private static final long[] NO_ROWS = new long[0];


  private static final int NAME = 6;
  private static final int KIND_RESOURCE = 7;

  private final byte[] buf;
  private final List<Resource> resources = new ArrayList<>();
  private final List<Resource> resourcesView = Collections.unmodifiableList(resources);
  private int count;
  private int capacity;
  private int rejectedSpans;

  /**
   * One row of {@link #ROW} longs per span, so that adding a span writes one run of memory
   * instead of ten arrays (each its own allocation and bounds check): name offset and length,
   * kind and resource share a long each.
   */
  private long[] rows = NO_ROWS;

  /** Where rows come from and go back to on {@link #release()}; null: plain new arrays. */
  private final RowArrays arrays;

  SpanBatch(byte[] buf, RowArrays arrays) {
    this.buf = buf;
    this.arrays = arrays;
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
    if (count == capacity) {
      resize(Math.max(8, capacity * 2));
    }
    int at = count++ * ROW;
    long[] row = rows;
    row[at] = hi;
    row[at + 1] = lo;
    row[at + 2] = span;
    row[at + 3] = parent;
    row[at + 4] = start;
    row[at + 5] = end;
    row[at + NAME] = (long) nameOff << 32 | nameLen & 0xFFFF_FFFFL;
    row[at + KIND_RESOURCE] = (long) spanKind << 32 | resourceIndex & 0xFFFF_FFFFL;
  }

  /** Makes room for {@code rows} rows in all, so that a well-guessed batch never copies. */
  void reserve(int rows) {
    if (rows > capacity) {
      resize(rows);
    }
  }

  private void resize(int newCapacity) {
    rows = RowArrays.grow(arrays, rows, count * ROW, (long) newCapacity * ROW);
    // A reused array may be longer than asked (its size class).
    capacity = rows.length / ROW;
  }

  /**
   * Gives this batch's rows back to the {@link RowArrays} it was scanned with (nothing without),
   * for later batches; it then reads as empty. Only for the batch's last reader: every reader
   * must be done with it (see {@code Sink#retainsPayload}).
   */
  public void release() {
    long[] old = rows;
    rows = NO_ROWS;
    count = 0;
    capacity = 0;
    RowArrays.giveBack(arrays, old);
  }

  private long at(int i, int column) {
    return rows[Objects.checkIndex(i, count) * ROW + column];
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
    return at(i, 0);
  }

  /** The last 8 bytes of span {@code i}'s trace id, big-endian. */
  public long traceIdLo(int i) {
    return at(i, 1);
  }

  /** Span {@code i}'s span id, big-endian; never 0. */
  public long spanId(int i) {
    return at(i, 2);
  }

  /** Span {@code i}'s parent span id, big-endian, or 0 for a root span. */
  public long parentSpanId(int i) {
    return at(i, 3);
  }

  /**
   * Span {@code i}'s OTLP {@code SpanKind} number: 0 unspecified, 1 internal, 2 server, 3 client, 4
   * producer, 5 consumer (other values are passed through as sent).
   */
  public int kind(int i) {
    return (int) (at(i, KIND_RESOURCE) >> 32);
  }

  /** Span {@code i}'s {@code start_time_unix_nano}. */
  public long startNanos(int i) {
    return at(i, 4);
  }

  /** Span {@code i}'s {@code end_time_unix_nano}. */
  public long endNanos(int i) {
    return at(i, 5);
  }

  /** Index into {@link #resources()} of span {@code i}'s resource. */
  public int resource(int i) {
    return (int) at(i, KIND_RESOURCE);
  }

  /** Span {@code i}'s name, decoded from the request bytes on each call. */
  public String name(int i) {
    long name = at(i, NAME);
    return new String(buf, (int) (name >>> 32), (int) name, UTF_8);
  }

  /** Where span {@code i}'s UTF-8 name starts in {@link #buffer()}. */
  public int nameOffset(int i) {
    return (int) (at(i, NAME) >>> 32);
  }

  /** Length in bytes of span {@code i}'s UTF-8 name. */
  public int nameLength(int i) {
    return (int) at(i, NAME);
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
