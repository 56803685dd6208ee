package dev.otelboard.cli.catalog;

import static dev.otelboard.cli.catalog.Artifact.instrumentation;
import static dev.otelboard.cli.catalog.LibraryCategory.MESSAGING;

/**
 * The messaging clients otelboard recognizes. Entries of the
 * {@link LibraryCatalog}.
 */
public final class MessagingLibraries {
  private MessagingLibraries() {}

  private static final String JMS_REASON =
      "no JMS instrumentation library is served here: run the javaagent";
  private static final String RABBIT_REASON =
      "no RabbitMQ instrumentation library is served here: run the javaagent";

  /** The Kafka Java clients. */
  public static final Library KAFKA_CLIENTS =
      Library.builder("kafka-clients", "Kafka clients", MESSAGING)
          .addTypes(
              "org.apache.kafka.clients.producer.KafkaProducer",
              "org.apache.kafka.clients.consumer.KafkaConsumer")
          .addCoordinates("org.apache.kafka:kafka-clients")
          .setOnboarding(Onboarding.rewrite("wrap-kafka-client",
              "KafkaTelemetry wraps the client, or its interceptors go into the client's config",
              instrumentation("opentelemetry-kafka-clients-2.6")))
          .build();

  /** Spring for Apache Kafka. */
  public static final Library SPRING_KAFKA =
      Library.builder("spring-kafka", "Spring Kafka", MESSAGING)
          .addTypes(
              "org.springframework.kafka.core.KafkaTemplate",
              "org.springframework.kafka.annotation.KafkaListener")
          .addCoordinates("org.springframework.kafka:spring-kafka")
          .setOnboarding(Onboarding.manual(
              "no onboard rewrite for spring-kafka: use the OpenTelemetry Spring Boot starter or "
                  + "the javaagent"))
          .build();

  /** JMS, javax and jakarta. */
  public static final Library JMS =
      Library.builder("jms", "JMS", MESSAGING)
          .addTypes(
              "javax.jms.MessageListener", "jakarta.jms.MessageListener",
              "javax.jms.Session", "jakarta.jms.Session",
              "javax.jms.QueueSession", "jakarta.jms.QueueSession",
              "javax.jms.TopicSession", "jakarta.jms.TopicSession",
              "javax.jms.JMSContext", "jakarta.jms.JMSContext")
          .addPackages("javax.jms", "jakarta.jms")
          .addCoordinates("javax.jms:javax.jms-api", "jakarta.jms:jakarta.jms-api")
          .setOnboarding(Onboarding.manual(JMS_REASON))
          .build();

  /** Spring JMS. */
  public static final Library SPRING_JMS =
      Library.builder("spring-jms", "Spring JMS", MESSAGING)
          .addTypes(
              "org.springframework.jms.core.JmsTemplate",
              "org.springframework.jms.annotation.JmsListener")
          .addCoordinates("org.springframework:spring-jms")
          .setOnboarding(Onboarding.manual(JMS_REASON))
          .build();

  /** The RabbitMQ Java client. */
  public static final Library RABBITMQ =
      Library.builder("rabbitmq", "RabbitMQ Java client", MESSAGING)
          .addTypes("com.rabbitmq.client.Channel", "com.rabbitmq.client.Connection")
          .addPackages("com.rabbitmq.client")
          .addFactory("com.rabbitmq.client.Connection", "createChannel",
              "com.rabbitmq.client.Channel")
          .addCoordinates("com.rabbitmq:amqp-client")
          .setOnboarding(Onboarding.manual(RABBIT_REASON))
          .build();

  /** Spring AMQP's RabbitMQ support. */
  public static final Library SPRING_AMQP =
      Library.builder("spring-amqp", "Spring AMQP", MESSAGING)
          .addTypes(
              "org.springframework.amqp.rabbit.core.RabbitTemplate",
              "org.springframework.amqp.rabbit.annotation.RabbitListener")
          .addCoordinates("org.springframework.amqp:spring-rabbit")
          .setOnboarding(Onboarding.manual(RABBIT_REASON))
          .build();
}
