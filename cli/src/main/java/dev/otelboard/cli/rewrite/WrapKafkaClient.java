package dev.otelboard.cli.rewrite;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.Optional;
import java.util.Set;

/**
 * Kafka producers and consumers get PRODUCER/CONSUMER spans and carry the trace context in record
 * headers, through opentelemetry-kafka-clients-2.6 and the generated {@code OtelKafka} (one
 * {@code KafkaTelemetry} for the service). A client stored as the {@code Producer} or {@code
 * Consumer} interface is wrapped ({@code KafkaTelemetry.wrap}); one stored as {@code
 * KafkaProducer}/{@code KafkaConsumer} (or {@code var}) keeps its type: its configuration gets the
 * library's interceptors instead.
 */
final class WrapKafkaClient implements JavaRewrite {
  static final RewriteId ID = RewriteId.WRAP_KAFKA_CLIENT;
  private static final String PRODUCER = "org.apache.kafka.clients.producer.KafkaProducer";
  private static final String CONSUMER = "org.apache.kafka.clients.consumer.KafkaConsumer";
  private static final String PRODUCER_INTERFACE = "org.apache.kafka.clients.producer.Producer";
  private static final String CONSUMER_INTERFACE = "org.apache.kafka.clients.consumer.Consumer";
  private static final Set<String> CONFIG_METHODS = Set.of("producerConfig", "consumerConfig");

  @Override
  public RewriteId id() {
    return ID;
  }

  @Override
  public String description() {
    return "Kafka producers and consumers get spans and propagate the trace context in headers";
  }

  @Override
  public boolean precondition(String source) {
    return source.contains("org.apache.kafka")
        && (source.contains("KafkaProducer") || source.contains("KafkaConsumer"));
  }

  @Override
  public void visit(CompilationUnit unit, RewriteContext context) {
    for (ObjectCreationExpr creation : unit.findAll(ObjectCreationExpr.class)) {
      boolean producer = Ast.creates(unit, creation, PRODUCER);
      if (!producer && !Ast.creates(unit, creation, CONSUMER)) {
        continue;
      }
      if (creation.getAnonymousClassBody().isPresent()
          || Ast.isArgumentOf(creation, Set.of("wrap"))
          || isInstrumentedConfig(creation)) {
        continue;
      }
      String kind = producer ? "producer" : "consumer";
      Optional<String> declared = Ast.valueType(creation);
      String asInterfaceType = producer ? PRODUCER_INTERFACE : CONSUMER_INTERFACE;
      boolean asInterface =
          declared.isPresent() && Ast.isType(unit, declared.get(), asInterfaceType);
      if (!asInterface && creation.getArguments().isEmpty()) {
        context.manual(creation, ID, "Kafka " + kind + " without a configuration argument: add "
            + "KafkaTelemetry.create(openTelemetry)." + kind + "InterceptorConfigProperties() to "
            + "its configuration");
        continue;
      }
      String adapter = RewriteContext.reference(
          unit, context.settings().generated(RewriteSettings.KAFKA_ADAPTER));
      if (asInterface) {
        context.changed(creation, ID, "Kafka " + kind + " wrapped (KafkaTelemetry)");
        context.need(Instrumentation.KAFKA);
        context.need(Instrumentation.KAFKA_ADAPTER);
        context.need(Instrumentation.BOOTSTRAP);
        Ast.wrap(creation, new NameExpr(adapter), "wrap");
        continue;
      }
      Expression config = creation.getArgument(0);
      context.changed(creation, ID, "Kafka " + kind + " configured with the OpenTelemetry "
          + "interceptor (keeps its " + Ast.rawType(creation.getType().asString()) + " type)");
      context.need(Instrumentation.KAFKA);
      context.need(Instrumentation.KAFKA_ADAPTER);
      context.need(Instrumentation.BOOTSTRAP);
      Ast.wrap(config, new NameExpr(adapter), kind + "Config");
    }
  }

  private static boolean isInstrumentedConfig(ObjectCreationExpr creation) {
    return !creation.getArguments().isEmpty()
        && creation.getArgument(0) instanceof MethodCallExpr call
        && CONFIG_METHODS.contains(call.getNameAsString());
  }
}
