package dev.otelboard.collector.wire;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.resource.v1.Resource;
import java.nio.ByteBuffer;
import java.util.List;

/** Small builders for OTLP protos in tests. */
final class Protos {
  private Protos() {}

  static ByteString id16(long hi, long lo) {
    return ByteString.copyFrom(ByteBuffer.allocate(16).putLong(hi).putLong(lo).array());
  }

  static ByteString id8(long id) {
    return ByteString.copyFrom(ByteBuffer.allocate(8).putLong(id).array());
  }

  static long hi(ByteString traceId) {
    return traceId.asReadOnlyByteBuffer().getLong(0);
  }

  static long lo(ByteString traceId) {
    return traceId.asReadOnlyByteBuffer().getLong(8);
  }

  static long asLong(ByteString id) {
    return id.isEmpty() ? 0 : id.asReadOnlyByteBuffer().getLong(0);
  }

  static KeyValue kv(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }

  static KeyValue kv(String key, AnyValue value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }

  /** One attribute of every AnyValue kind, nested ones included. */
  static List<KeyValue> attributesOfEveryKind(String prefix) {
    AnyValue str = AnyValue.newBuilder().setStringValue("s-" + prefix).build();
    return List.of(
        kv(prefix + ".string", str),
        kv(prefix + ".bool", AnyValue.newBuilder().setBoolValue(true).build()),
        kv(prefix + ".int", AnyValue.newBuilder().setIntValue(-42).build()),
        kv(prefix + ".double", AnyValue.newBuilder().setDoubleValue(3.25).build()),
        kv(
            prefix + ".array",
            AnyValue.newBuilder()
                .setArrayValue(
                    ArrayValue.newBuilder()
                        .addValues(str)
                        .addValues(AnyValue.newBuilder().setIntValue(1 << 40)))
                .build()),
        kv(
            prefix + ".kvlist",
            AnyValue.newBuilder()
                .setKvlistValue(
                    KeyValueList.newBuilder()
                        .addValues(kv("service.name", "nested-not-the-resource"))
                        .addValues(kv("x", str)))
                .build()),
        kv(
            prefix + ".bytes",
            AnyValue.newBuilder().setBytesValue(ByteString.copyFromUtf8("\u0000\u00ff")).build()),
        kv(prefix + ".empty", AnyValue.getDefaultInstance()));
  }

  /** A resource with service.name and service.instance.id between attributes of every kind. */
  static Resource resource(String serviceName, String instanceId) {
    Resource.Builder r = Resource.newBuilder().addAllAttributes(attributesOfEveryKind("before"));
    if (serviceName != null) {
      r.addAttributes(kv("service.name", serviceName));
    }
    r.addAllAttributes(attributesOfEveryKind("between"));
    if (instanceId != null) {
      r.addAttributes(kv("service.instance.id", instanceId));
    }
    return r.addAllAttributes(attributesOfEveryKind("after")).setDroppedAttributesCount(3).build();
  }

  /** Unknown fields of every (non-group) wire type, with numbers no OTLP message uses. */
  static UnknownFieldSet unknownFields() {
    return UnknownFieldSet.newBuilder()
        .addField(
            1000,
            UnknownFieldSet.Field.newBuilder()
                .addVarint(300)
                .addVarint(-1L)
                .addFixed32(0xCAFEBABE)
                .addFixed64(0x0123456789ABCDEFL)
                .addLengthDelimited(ByteString.copyFromUtf8("unknown bytes"))
                .build())
        .addField(29, UnknownFieldSet.Field.newBuilder().addFixed64(7).addVarint(1).build())
        .build();
  }
}
