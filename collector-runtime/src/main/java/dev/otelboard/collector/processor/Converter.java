package dev.otelboard.collector.processor;

/** One OTTL converter as the sandbox runs it. */
@FunctionalInterface
interface Converter {
  /** The converter's value for these arguments; throws OttlRuntimeException as Go errors. */
  Object apply(Args args);
}
