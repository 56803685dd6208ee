package dev.otelboard.collector.wire;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What correlation needs from one {@code ExportLogsServiceRequest}, one row per log record in
 * request order. Bodies and scope names stay in the request bytes until {@link #body(int)} or
 * {@link #scopeName(int)} decodes one. Not thread-safe to build; safe to read once published.
 */
public final class LogBatch {
  /** Longs per row: time, trace id hi, lo, span id, body, severity and scope. */
  private static final int ROW = 6;

  private static final long[] NO_ROWS = new long[0];


  private static final int BODY = 4;
  private static final int SEVERITY_SCOPE = 5;

  private final byte[] buf;
  private final List<Resource> resources = new ArrayList<>();
  private final List<Resource> resourcesView = Collections.unmodifiableList(resources);
  private int count;
  private int capacity;

  /**
   * One row of {@link #ROW} longs per record, written as one run of memory (see SpanBatch): body
   * offset and length (-1 when absent or not a string), severity and scope share a long each; a
   * record's resource is its scope's.
   */
  private long[] rows = NO_ROWS;

  /** Where rows come from and go back to on {@link #release()}; null: plain new arrays. */
  private final RowArrays arrays;

  private int scopeCount;
  private int[] scopeNameOffset = new int[4];
  private int[] scopeNameLength = new int[4];
  private int[] scopeResource = new int[4];

  LogBatch(byte[] buf, RowArrays arrays) {
    this.buf = buf;
    this.arrays = arrays;
  }

  void add(
      long time, int severity, long hi, long lo, long span, int bodyOff, int bodyLen, int scope) {
    if (count == capacity) {
      resize(Math.max(8, capacity * 2));
    }
    int at = count++ * ROW;
    long[] row = rows;
    row[at] = time;
    row[at + 1] = hi;
    row[at + 2] = lo;
    row[at + 3] = span;
    row[at + BODY] = (long) bodyOff << 32 | bodyLen & 0xFFFF_FFFFL;
    row[at + SEVERITY_SCOPE] = (long) severity << 32 | scope & 0xFFFF_FFFFL;
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

  private int scope(int i) {
    return (int) at(i, SEVERITY_SCOPE);
  }

  /** Adds the scope whose index {@link #nextScope()} handed out, of resource {@code resource}. */
  void addScope(int nameOff, int nameLen, int resource) {
    if (scopeCount == scopeNameOffset.length) {
      scopeNameOffset = Arrays.copyOf(scopeNameOffset, scopeCount * 2);
      scopeNameLength = Arrays.copyOf(scopeNameLength, scopeCount * 2);
      scopeResource = Arrays.copyOf(scopeResource, scopeCount * 2);
    }
    scopeNameOffset[scopeCount] = nameOff;
    scopeNameLength[scopeCount] = nameLen;
    scopeResource[scopeCount] = resource;
    scopeCount++;
  }

  int nextScope() {
    return scopeCount;
  }

  void addResource(Resource r) {
    resources.add(r);
  }

  /** Number of log records (rows). */
  public int count() {
    return count;
  }

  /**
   * Record {@code i}'s {@code time_unix_nano}, or its {@code observed_time_unix_nano} when the
   * former is 0 (unknown); 0 when both are.
   */
  public long timeNanos(int i) {
    return at(i, 0);
  }

  /** Record {@code i}'s OTLP {@code SeverityNumber} (0 unspecified, 9 INFO, 17 ERROR, ...). */
  public int severityNumber(int i) {
    return (int) (at(i, SEVERITY_SCOPE) >> 32);
  }

  /** The first 8 bytes of record {@code i}'s trace id, big-endian; 0 with no trace id. */
  public long traceIdHi(int i) {
    return at(i, 1);
  }

  /** The last 8 bytes of record {@code i}'s trace id, big-endian; 0 with no trace id. */
  public long traceIdLo(int i) {
    return at(i, 2);
  }

  /** Record {@code i}'s span id, big-endian; 0 with no span id. */
  public long spanId(int i) {
    return at(i, 3);
  }

  /** Whether record {@code i} carries a valid (non-zero) trace id and span id. */
  public boolean hasTraceContext(int i) {
    int at = Objects.checkIndex(i, count) * ROW;
    return (rows[at + 1] | rows[at + 2]) != 0 && rows[at + 3] != 0;
  }

  /** Record {@code i}'s body when it is a string {@code AnyValue}, otherwise null. */
  public String body(int i) {
    long body = at(i, BODY);
    return (int) body < 0 ? null : new String(buf, (int) (body >>> 32), (int) body, UTF_8);
  }

  /** Where record {@code i}'s UTF-8 string body starts in {@link #buffer()}. */
  public int bodyOffset(int i) {
    return (int) (at(i, BODY) >>> 32);
  }

  /** Length in bytes of record {@code i}'s string body, or -1 when it has none. */
  public int bodyLength(int i) {
    return (int) at(i, BODY);
  }

  /**
   * The name of record {@code i}'s instrumentation scope ({@code ""} when absent); the OTel log
   * appenders put the logger name there.
   */
  public String scopeName(int i) {
    int s = scope(i);
    return new String(buf, scopeNameOffset[s], scopeNameLength[s], UTF_8);
  }

  /** Where record {@code i}'s UTF-8 scope name starts in {@link #buffer()}. */
  public int scopeNameOffset(int i) {
    return scopeNameOffset[scope(i)];
  }

  /** Length in bytes of record {@code i}'s scope name. */
  public int scopeNameLength(int i) {
    return scopeNameLength[scope(i)];
  }

  /** Index into {@link #resources()} of record {@code i}'s resource. */
  public int resource(int i) {
    return scopeResource[scope(i)];
  }

  /**
   * The request bytes this batch was scanned from, shared, not copied, so that consumers can read
   * bodies and scope names without allocating; never modify them.
   */
  public byte[] buffer() {
    return buf;
  }

  /** One entry per {@code ResourceLogs} in the request, in request order. */
  public List<Resource> resources() {
    return resourcesView;
  }
}
