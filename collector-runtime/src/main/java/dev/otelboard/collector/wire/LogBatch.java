package dev.otelboard.collector.wire;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What correlation needs from one {@code ExportLogsServiceRequest}, one column per field, one row
 * per log record in request order. Bodies and scope names stay in the request bytes until {@link
 * #body(int)} or {@link #scopeName(int)} decodes one. Not thread-safe to build; safe to read once
 * published.
 */
public final class LogBatch {
  private final byte[] buf;
  private final List<Resource> resources = new ArrayList<>();
  private final List<Resource> resourcesView = Collections.unmodifiableList(resources);
  private int count;
  private long[] timeNanos;
  private long[] traceIdHi;
  private long[] traceIdLo;
  private long[] spanId;
  private int[] severityNumber;
  private int[] resource;
  private int[] scope;
  private int[] bodyOffset;

  /** -1 when the body is absent or not a string. */
  private int[] bodyLength;

  private int scopeCount;
  private int[] scopeNameOffset = new int[4];
  private int[] scopeNameLength = new int[4];

  LogBatch(byte[] buf, int capacity) {
    this.buf = buf;
    timeNanos = new long[capacity];
    traceIdHi = new long[capacity];
    traceIdLo = new long[capacity];
    spanId = new long[capacity];
    severityNumber = new int[capacity];
    resource = new int[capacity];
    scope = new int[capacity];
    bodyOffset = new int[capacity];
    bodyLength = new int[capacity];
  }

  void add(
      long time,
      int severity,
      long hi,
      long lo,
      long span,
      int bodyOff,
      int bodyLen,
      int resourceIndex,
      int scopeIndex) {
    if (count == timeNanos.length) {
      grow();
    }
    int i = count++;
    timeNanos[i] = time;
    severityNumber[i] = severity;
    traceIdHi[i] = hi;
    traceIdLo[i] = lo;
    spanId[i] = span;
    bodyOffset[i] = bodyOff;
    bodyLength[i] = bodyLen;
    resource[i] = resourceIndex;
    scope[i] = scopeIndex;
  }

  private void grow() {
    resize(Math.max(8, timeNanos.length * 2));
  }

  /** Makes room for {@code rows} rows in all, so that a well-guessed batch never copies. */
  void reserve(int rows) {
    if (rows > timeNanos.length) {
      resize(rows);
    }
  }

  private void resize(int capacity) {
    timeNanos = Arrays.copyOf(timeNanos, capacity);
    traceIdHi = Arrays.copyOf(traceIdHi, capacity);
    traceIdLo = Arrays.copyOf(traceIdLo, capacity);
    spanId = Arrays.copyOf(spanId, capacity);
    severityNumber = Arrays.copyOf(severityNumber, capacity);
    resource = Arrays.copyOf(resource, capacity);
    scope = Arrays.copyOf(scope, capacity);
    bodyOffset = Arrays.copyOf(bodyOffset, capacity);
    bodyLength = Arrays.copyOf(bodyLength, capacity);
  }

  /** Adds the scope whose index {@link #nextScope()} handed out. */
  void addScope(int nameOff, int nameLen) {
    if (scopeCount == scopeNameOffset.length) {
      scopeNameOffset = Arrays.copyOf(scopeNameOffset, scopeCount * 2);
      scopeNameLength = Arrays.copyOf(scopeNameLength, scopeCount * 2);
    }
    scopeNameOffset[scopeCount] = nameOff;
    scopeNameLength[scopeCount] = nameLen;
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
    return timeNanos[Objects.checkIndex(i, count)];
  }

  /** Record {@code i}'s OTLP {@code SeverityNumber} (0 unspecified, 9 INFO, 17 ERROR, ...). */
  public int severityNumber(int i) {
    return severityNumber[Objects.checkIndex(i, count)];
  }

  /** The first 8 bytes of record {@code i}'s trace id, big-endian; 0 with no trace id. */
  public long traceIdHi(int i) {
    return traceIdHi[Objects.checkIndex(i, count)];
  }

  /** The last 8 bytes of record {@code i}'s trace id, big-endian; 0 with no trace id. */
  public long traceIdLo(int i) {
    return traceIdLo[Objects.checkIndex(i, count)];
  }

  /** Record {@code i}'s span id, big-endian; 0 with no span id. */
  public long spanId(int i) {
    return spanId[Objects.checkIndex(i, count)];
  }

  /** Whether record {@code i} carries a valid (non-zero) trace id and span id. */
  public boolean hasTraceContext(int i) {
    Objects.checkIndex(i, count);
    return (traceIdHi[i] | traceIdLo[i]) != 0 && spanId[i] != 0;
  }

  /** Record {@code i}'s body when it is a string {@code AnyValue}, otherwise null. */
  public String body(int i) {
    Objects.checkIndex(i, count);
    return bodyLength[i] < 0 ? null : new String(buf, bodyOffset[i], bodyLength[i], UTF_8);
  }

  /** Where record {@code i}'s UTF-8 string body starts in {@link #buffer()}. */
  public int bodyOffset(int i) {
    return bodyOffset[Objects.checkIndex(i, count)];
  }

  /** Length in bytes of record {@code i}'s string body, or -1 when it has none. */
  public int bodyLength(int i) {
    return bodyLength[Objects.checkIndex(i, count)];
  }

  /**
   * The name of record {@code i}'s instrumentation scope ({@code ""} when absent); the OTel log
   * appenders put the logger name there.
   */
  public String scopeName(int i) {
    int s = scope[Objects.checkIndex(i, count)];
    return new String(buf, scopeNameOffset[s], scopeNameLength[s], UTF_8);
  }

  /** Where record {@code i}'s UTF-8 scope name starts in {@link #buffer()}. */
  public int scopeNameOffset(int i) {
    return scopeNameOffset[scope[Objects.checkIndex(i, count)]];
  }

  /** Length in bytes of record {@code i}'s scope name. */
  public int scopeNameLength(int i) {
    return scopeNameLength[scope[Objects.checkIndex(i, count)]];
  }

  /** Index into {@link #resources()} of record {@code i}'s resource. */
  public int resource(int i) {
    return resource[Objects.checkIndex(i, count)];
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
