package dev.otelboard.collector.correlate;

/**
 * The strings the index reports, interned to small ids: (instance, span name), (instance, logger)
 * and (logger, message template). Each table is bounded; past it, names share an overflow id per
 * owner, reported as "(other ...)".
 */
final class Names {
  static final int TEMPLATE_CHARS = 120;
  private static final int NAME_CHARS = 200;

  /** Span name ids used last (-1: none), checked before interning; see {@link #spanName}. */
  private static final int RECENT_NAMES = 8;

  /** (instance, span name); every span has one, so it also carries the span's instance. */
  final Interner spans = new Interner(65_536, 4 << 20);

  /** (instance, scope name). */
  final Interner loggers = new Interner(16_384, 1 << 20);

  /** (logger, message) of records that may end up uncorrelated. */
  final Interner templates = new Interner(16_384, 4 << 20);

  private final int[] recentNames = {-1, -1, -1, -1, -1, -1, -1, -1};
  private int recentNext;

  /** The id of a span name of {@code instance}, its UTF-8 bytes at {@code buf[off, off+len)}. */
  int spanName(int instance, byte[] buf, int off, int len) {
    // A service sends few distinct span names and a batch repeats them: the last few ids are
    // compared in place before hashing (interning was ~15% of the pipeline's time otherwise).
    if (len <= NAME_CHARS) {
      for (int k = 0; k < RECENT_NAMES; k++) {
        int recent = recentNames[k];
        if (recent >= 0 && spans.matches(recent, instance, Interner.NORMAL, buf, off, len)) {
          return recent;
        }
      }
    }
    int id =
        spans.intern(
            instance, Interner.NORMAL, buf, off, Interner.prefixLength(buf, off, len, NAME_CHARS));
    if (id >= 0 && len <= NAME_CHARS) {
      recentNames[recentNext] = id;
      recentNext = (recentNext + 1) & (RECENT_NAMES - 1);
    }
    if (id < 0) {
      id = spans.internAlways(instance, Interner.OVERFLOW, buf, 0, 0);
    }
    if (id > SpanStore.MAX_NAME_ID) {
      throw new IllegalStateException("span name ids exhausted");
    }
    return id;
  }

  /** The id of a logger (scope name) of {@code instance}. */
  int logger(int instance, byte[] buf, int off, int len) {
    int id =
        loggers.intern(
            instance, Interner.NORMAL, buf, off, Interner.prefixLength(buf, off, len, NAME_CHARS));
    return id >= 0 ? id : loggers.internAlways(instance, Interner.OVERFLOW, buf, 0, 0);
  }

  /** The template of a record without trace context: its body's prefix, or "no string body". */
  int messageTemplate(int logger, byte[] buf, int bodyOff, int bodyLen) {
    if (bodyLen < 0) {
      return templates.internAlways(logger, Interner.NO_BODY, buf, 0, 0);
    }
    int len = Interner.prefixLength(buf, bodyOff, bodyLen, TEMPLATE_CHARS);
    int id = templates.intern(logger, Interner.NORMAL, buf, bodyOff, len);
    return id >= 0 ? id : templates.internAlways(logger, Interner.OVERFLOW, buf, 0, 0);
  }

  /** The one template of a logger's records that carry trace context. */
  int contextTemplate(int logger, byte[] buf) {
    return templates.internAlways(logger, Interner.CONTEXT, buf, 0, 0);
  }

  /** The service instance whose logger wrote records of {@code template}. */
  int instanceOfTemplate(int template) {
    return loggers.owner(templates.owner(template));
  }

  long bytes() {
    return spans.bytes() + loggers.bytes() + templates.bytes();
  }
}
