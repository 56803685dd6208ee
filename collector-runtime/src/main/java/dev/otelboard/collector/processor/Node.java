package dev.otelboard.collector.processor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One resource, scope, log record, span or span event as OTTL sees it: its fields by OTTL path
 * name ({@code attributes}, {@code body}, {@code trace_id}...) as plain values, plus the cache.
 * Statements change the fields; {@code dirty} says the protobuf must be rewritten.
 */
final class Node {
  final Map<String, Object> fields = new LinkedHashMap<>();
  Map<String, Object> cache = new LinkedHashMap<>();
  boolean dirty;
  boolean dropped;
  /** The protobuf builder to write back into. */
  final Object builder;

  Node(Object builder) {
    this.builder = builder;
  }
}
