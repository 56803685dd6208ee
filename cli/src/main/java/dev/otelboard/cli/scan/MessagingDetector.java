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
import dev.otelboard.cli.catalog.Library;
import dev.otelboard.cli.catalog.MessagingLibraries;
import dev.otelboard.cli.rewrite.RewriteId;
import java.util.Map;
import java.util.Set;

/** Message producers and consumers: Kafka (and spring-kafka), JMS, RabbitMQ (and spring-amqp). */
final class MessagingDetector implements JavaDetector {
  private static final Library KAFKA = MessagingLibraries.KAFKA_CLIENTS;
  private static final Library SPRING_KAFKA = MessagingLibraries.SPRING_KAFKA;
  private static final Library JMS = MessagingLibraries.JMS;
  private static final Library SPRING_JMS = MessagingLibraries.SPRING_JMS;
  private static final Library RABBITMQ = MessagingLibraries.RABBITMQ;
  private static final Library SPRING_AMQP = MessagingLibraries.SPRING_AMQP;

  private static final String JMS_REASON = JMS.onboarding().note();
  private static final String RABBIT_REASON = RABBITMQ.onboarding().note();

  private record Rule(FindingKind kind, String reason) {}

  private static final Map<String, Rule> CONSTRUCTORS =
      Map.of(
          SPRING_KAFKA.type("KafkaTemplate"), rule(KAFKA_PRODUCER, SPRING_KAFKA),
          SPRING_JMS.type("JmsTemplate"), rule(JMS_PRODUCER, SPRING_JMS),
          SPRING_AMQP.type("RabbitTemplate"), rule(RABBITMQ_PRODUCER, SPRING_AMQP));

  private static final Map<String, FindingKind> KAFKA_CLIENTS =
      Map.of(
          KAFKA.type("KafkaProducer"), KAFKA_PRODUCER,
          KAFKA.type("KafkaConsumer"), KAFKA_CONSUMER);

  /** Calls that build a configuration with the OpenTelemetry interceptors (onboard's OtelKafka). */
  private static final Set<String> INSTRUMENTED_CONFIGS = Set.of("producerConfig", "consumerConfig");

  private static final Map<String, Rule> LISTENERS =
      Map.of(
          SPRING_KAFKA.type("KafkaListener"), rule(KAFKA_CONSUMER, SPRING_KAFKA),
          SPRING_JMS.type("JmsListener"), rule(JMS_CONSUMER, SPRING_JMS),
          SPRING_AMQP.type("RabbitListener"), rule(RABBITMQ_CONSUMER, SPRING_AMQP));

  private static final Set<String> JMS_LISTENERS = JMS.typesNamed("MessageListener");
  private static final Set<String> JMS_SESSIONS =
      JMS.typesNamed("Session", "QueueSession", "TopicSession", "JMSContext");
  private static final String JMS_DEFAULT_SESSION = JMS.type("javax.jms.Session");
  private static final String RABBIT_CHANNEL = RABBITMQ.type("Channel");
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
      if (jms != null && ((scopeType != null && JMS_SESSIONS.contains(scopeType))
          || (scopeType == null && JMS.packages().stream().anyMatch(types::importsPackage)))) {
        src.add(jms, call, (scopeType == null ? JMS_DEFAULT_SESSION : scopeType) + "." + name,
            false, RewriteId.MANUAL, JMS_REASON);
      } else if (rabbit != null && (RABBIT_CHANNEL.equals(scopeType) || (scopeType == null
          && RABBITMQ.packages().stream().anyMatch(types::importsPackage)))) {
        src.add(rabbit, call, RABBIT_CHANNEL + "." + name, false, RewriteId.MANUAL,
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

  private static Rule rule(FindingKind kind, Library library) {
    return new Rule(kind, library.onboarding().note());
  }
}
