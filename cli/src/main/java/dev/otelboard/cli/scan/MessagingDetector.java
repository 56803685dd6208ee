package dev.otelboard.cli.scan;

import static dev.otelboard.cli.scan.FindingKind.JMS_CONSUMER;
import static dev.otelboard.cli.scan.FindingKind.JMS_PRODUCER;
import static dev.otelboard.cli.scan.FindingKind.KAFKA_CONSUMER;
import static dev.otelboard.cli.scan.FindingKind.KAFKA_PRODUCER;
import static dev.otelboard.cli.scan.FindingKind.RABBITMQ_CONSUMER;
import static dev.otelboard.cli.scan.FindingKind.RABBITMQ_PRODUCER;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.otelboard.cli.rewrite.RewriteId;
import java.util.Map;
import java.util.Set;

/** Message producers and consumers: Kafka (and spring-kafka), JMS, RabbitMQ (and spring-amqp). */
final class MessagingDetector implements JavaDetector {
  private static final String SPRING_KAFKA_REASON =
      "no onboard rewrite for spring-kafka: use the OpenTelemetry Spring Boot starter or the "
          + "javaagent";
  private static final String JMS_REASON =
      "no JMS instrumentation library is served here: run the javaagent";
  private static final String RABBIT_REASON =
      "no RabbitMQ instrumentation library is served here: run the javaagent";

  private record Rule(FindingKind kind, String reason) {}

  private static final Map<String, Rule> CONSTRUCTORS =
      Map.of(
          "org.springframework.kafka.core.KafkaTemplate",
              new Rule(KAFKA_PRODUCER, SPRING_KAFKA_REASON),
          "org.springframework.jms.core.JmsTemplate", new Rule(JMS_PRODUCER, JMS_REASON),
          "org.springframework.amqp.rabbit.core.RabbitTemplate",
              new Rule(RABBITMQ_PRODUCER, RABBIT_REASON));

  private static final Map<String, FindingKind> KAFKA_CLIENTS =
      Map.of(
          "org.apache.kafka.clients.producer.KafkaProducer", KAFKA_PRODUCER,
          "org.apache.kafka.clients.consumer.KafkaConsumer", KAFKA_CONSUMER);

  /** Calls that build a configuration with the OpenTelemetry interceptors (onboard's OtelKafka). */
  private static final Set<String> INSTRUMENTED_CONFIGS = Set.of("producerConfig", "consumerConfig");

  private static final Map<String, Rule> LISTENERS =
      Map.of(
          "org.springframework.kafka.annotation.KafkaListener",
              new Rule(KAFKA_CONSUMER, SPRING_KAFKA_REASON),
          "org.springframework.jms.annotation.JmsListener", new Rule(JMS_CONSUMER, JMS_REASON),
          "org.springframework.amqp.rabbit.annotation.RabbitListener",
              new Rule(RABBITMQ_CONSUMER, RABBIT_REASON));

  private static final Set<String> JMS_LISTENERS =
      Set.of("javax.jms.MessageListener", "jakarta.jms.MessageListener");
  private static final Set<String> JMS_SESSIONS =
      Set.of(
          "javax.jms.Session", "jakarta.jms.Session",
          "javax.jms.QueueSession", "jakarta.jms.QueueSession",
          "javax.jms.TopicSession", "jakarta.jms.TopicSession",
          "javax.jms.JMSContext", "jakarta.jms.JMSContext");
  private static final Map<String, FindingKind> JMS_METHODS =
      Map.of(
          "createProducer", JMS_PRODUCER,
          "createSender", JMS_PRODUCER,
          "createPublisher", JMS_PRODUCER,
          "createConsumer", JMS_CONSUMER,
          "createSharedConsumer", JMS_CONSUMER,
          "createDurableConsumer", JMS_CONSUMER,
          "createDurableSubscriber", JMS_CONSUMER,
          "createReceiver", JMS_CONSUMER,
          "createSubscriber", JMS_CONSUMER);
  private static final Map<String, FindingKind> RABBIT_METHODS =
      Map.of("basicPublish", RABBITMQ_PRODUCER, "basicConsume", RABBITMQ_CONSUMER);

  /**
   * A Kafka client: onboard's wrap-kafka-client wraps it (KafkaTelemetry.wrap) or configures it
   * with the library's interceptors; already done when wrapped or built from such a config.
   */
  private static void kafkaClient(
      JavaSource src, ObjectCreationExpr creation, FindingKind kind, String type) {
    if (creation.getAnonymousClassBody().isPresent()) {
      src.add(kind, creation, "new " + type, false, RewriteId.MANUAL,
          "anonymous Kafka client subclass: wrap it with KafkaTelemetry by hand");
      return;
    }
    boolean instrumented = JavaSource.isArgumentOf(creation, Set.of("wrap"))
        || (!creation.getArguments().isEmpty()
            && creation.getArgument(0) instanceof MethodCallExpr config
            && INSTRUMENTED_CONFIGS.contains(config.getNameAsString()));
    src.add(kind, creation, "new " + type, instrumented, RewriteId.WRAP_KAFKA_CLIENT, null);
  }

  @Override
  public void detect(JavaSource src) {
    TypeNames types = src.types;
    for (ObjectCreationExpr creation : src.creations) {
      String type = types.resolve(creation.getType());
      FindingKind kafka = type == null ? null : KAFKA_CLIENTS.get(type);
      if (kafka != null) {
        kafkaClient(src, creation, kafka, type);
        continue;
      }
      Rule rule = type == null ? null : CONSTRUCTORS.get(type);
      if (rule != null) {
        boolean wrapped = JavaSource.isArgumentOf(creation, Set.of("wrap"));
        src.add(rule.kind(), creation, "new " + type, wrapped,
            wrapped ? RewriteId.NONE : RewriteId.MANUAL, wrapped ? null : rule.reason());
      }
    }
    for (MethodCallExpr call : src.calls) {
      String name = call.getNameAsString();
      FindingKind jms = JMS_METHODS.get(name);
      FindingKind rabbit = RABBIT_METHODS.get(name);
      if ((jms == null && rabbit == null) || call.getScope().isEmpty()) {
        continue;
      }
      String scopeType = types.typeOf(call.getScope().get());
      if (jms != null && (JMS_SESSIONS.contains(scopeType) || (scopeType == null
          && (types.importsPackage("javax.jms") || types.importsPackage("jakarta.jms"))))) {
        src.add(jms, call, (scopeType == null ? "javax.jms.Session" : scopeType) + "." + name,
            false, RewriteId.MANUAL, JMS_REASON);
      } else if (rabbit != null && ("com.rabbitmq.client.Channel".equals(scopeType)
          || (scopeType == null && types.importsPackage("com.rabbitmq.client")))) {
        src.add(rabbit, call, "com.rabbitmq.client.Channel." + name, false, RewriteId.MANUAL,
            RABBIT_REASON);
      }
    }
    for (MethodDeclaration method : src.methods) {
      for (AnnotationExpr a : method.getAnnotations()) {
        String fqn = types.resolve(a);
        Rule rule = fqn == null ? null : LISTENERS.get(fqn);
        if (rule != null) {
          src.add(rule.kind(), method.getName(), fqn + " " + method.getNameAsString(), false,
              RewriteId.MANUAL, rule.reason());
        }
      }
    }
    for (TypeDeclaration<?> type : src.typeDeclarations) {
      if (type instanceof ClassOrInterfaceDeclaration c && !c.isInterface()) {
        for (ClassOrInterfaceType t : c.getImplementedTypes()) {
          String fqn = types.resolve(t);
          if (fqn != null && JMS_LISTENERS.contains(fqn)) {
            src.add(JMS_CONSUMER, c.getName(), types.qualifiedName(c) + " : " + fqn, false,
                RewriteId.MANUAL, JMS_REASON);
          }
        }
      }
    }
  }
}
