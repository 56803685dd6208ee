/**
 * Processors: the {@link dev.otelboard.collector.processor.Processor} contract and the OTTL
 * transform and filter processors ({@link dev.otelboard.collector.processor.OttlProcessors} builds
 * them from a collector config's {@code processors:} block), with the interpreter they share.
 */
package dev.otelboard.collector.processor;
