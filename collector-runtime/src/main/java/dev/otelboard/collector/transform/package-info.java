/**
 * Processors: the {@link dev.otelboard.collector.transform.Processor} contract and the OTTL
 * transform and filter processors ({@link dev.otelboard.collector.transform.OttlProcessors} builds
 * them from a collector config's {@code processors:} block), with the interpreter they share.
 */
package dev.otelboard.collector.transform;
