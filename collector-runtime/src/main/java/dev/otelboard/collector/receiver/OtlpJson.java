package dev.otelboard.collector.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.RetryInfo;
import dev.otelboard.collector.pipeline.Signal;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The OTLP JSON encoding: protobuf's JSON mapping except that trace and span ids are hex strings
 * instead of base64 and enums are integers. Used by the HTTP receiver and the file sink.
 */
public final class OtlpJson {
  private static final Set<String> ID_FIELDS = Set.of("traceId", "spanId", "parentSpanId");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();
  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer()
          .omittingInsignificantWhitespace()
          .printingEnumsAsInts()
          // Error responses carry google.rpc.RetryInfo inside an Any.
          .usingTypeRegistry(
              JsonFormat.TypeRegistry.newBuilder().add(RetryInfo.getDescriptor()).build());

  private OtlpJson() {}

  /** Thrown for JSON that is not a valid OTLP request. */
  public static final class InvalidOtlpJsonException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidOtlpJsonException(String message) {
      super(message);
    }
  }

  /** Converts an OTLP JSON request body into the protobuf bytes of the same request. */
  public static byte[] toProtobuf(Signal signal, byte[] json) throws InvalidOtlpJsonException {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new InvalidOtlpJsonException("invalid JSON: " + firstLine(e.getMessage()));
    }
    if (tree == null || !tree.isObject()) {
      throw new InvalidOtlpJsonException("invalid JSON: expected an object");
    }
    try {
      rewriteIds(tree, OtlpJson::hexToBase64);
    } catch (IllegalArgumentException e) {
      throw new InvalidOtlpJsonException(e.getMessage());
    }
    Message.Builder builder = newRequestBuilder(signal);
    try {
      PARSER.merge(tree.toString(), builder);
    } catch (InvalidProtocolBufferException e) {
      throw new InvalidOtlpJsonException(firstLine(e.getMessage()));
    }
    return builder.build().toByteArray();
  }

  /** Prints a protobuf message in the OTLP JSON encoding on one line. */
  public static String print(Message message) {
    try {
      JsonNode tree = MAPPER.readTree(PRINTER.print(message));
      rewriteIds(tree, OtlpJson::base64ToHex);
      return MAPPER.writeValueAsString(tree);
    } catch (IOException e) {
      throw new IllegalStateException("protobuf printed invalid JSON", e);
    }
  }

  /** Parses the protobuf bytes of a signal's Export request. */
  public static Message parseRequest(Signal signal, byte[] protobuf)
      throws InvalidProtocolBufferException {
    return switch (signal) {
      case TRACES -> ExportTraceServiceRequest.parseFrom(protobuf);
      case LOGS -> ExportLogsServiceRequest.parseFrom(protobuf);
      case METRICS -> ExportMetricsServiceRequest.parseFrom(protobuf);
    };
  }

  private static Message.Builder newRequestBuilder(Signal signal) {
    return switch (signal) {
      case TRACES -> ExportTraceServiceRequest.newBuilder();
      case LOGS -> ExportLogsServiceRequest.newBuilder();
      case METRICS -> ExportMetricsServiceRequest.newBuilder();
    };
  }

  private static void rewriteIds(JsonNode node, UnaryOperator<String> convert) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = field.getValue();
        if (ID_FIELDS.contains(field.getKey()) && value.isTextual()) {
          field.setValue(TextNode.valueOf(convert.apply(value.textValue())));
        } else {
          rewriteIds(value, convert);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (JsonNode element : array) {
        rewriteIds(element, convert);
      }
    }
  }

  private static String hexToBase64(String hex) {
    try {
      return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("id is not hex: \"" + hex + "\"");
    }
  }

  private static String base64ToHex(String base64) {
    return HexFormat.of().formatHex(Base64.getDecoder().decode(base64));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
