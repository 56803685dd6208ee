package dev.otelboard.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessagingDetectorTest {

  @Test
  void kafkaProducersConsumersAndListeners() {
    ScanResult r = Repo.create()
        .file("src/main/java/a/Kafka.java", """
            package a;

            import java.util.Properties;
            import org.apache.kafka.clients.consumer.KafkaConsumer;
            import org.apache.kafka.clients.producer.KafkaProducer;
            import org.springframework.kafka.annotation.KafkaListener;

            class Kafka {
              KafkaProducer<String, String> producer = new KafkaProducer<>(new Properties());
              KafkaConsumer<String, String> consumer = new KafkaConsumer<>(new Properties());
              Object traced = telemetry.wrap(new KafkaProducer<String, String>(new Properties()));

              @KafkaListener(topics = "orders")
              void onOrder(String value) {}
            }
            """)
        .scan();
    assertThat(Repo.detailed(r)).containsExactly(
        "messaging.kafka.producer src/main/java/a/Kafka.java:9:44 wrap-kafka-client",
        "messaging.kafka.consumer src/main/java/a/Kafka.java:10:44 wrap-kafka-client",
        "messaging.kafka.producer src/main/java/a/Kafka.java:11:34 wrap-kafka-client "
            + "instrumented",
        "messaging.kafka.consumer src/main/java/a/Kafka.java:14:8 manual");
  }

  @Test
  void aConsumerMadeByAnUnresolvedFactoryIsNotAFailureOfTheFile() {
    ScanResult r = Repo.create()
        .file("src/main/java/a/Listener.java", """
            package a;

            import org.springframework.kafka.core.ConsumerFactory;

            class Listener {
              ConsumerFactory<String, String> factory;

              void poll() {
                var c = factory().createConsumer();
              }

              ConsumerFactory<String, String> factory() {
                return factory;
              }
            }
            """)
        .scan();

    assertThat(r.parseFailures()).isEmpty();
  }

  @Test
  void jmsAndRabbitMq() {
    ScanResult r = Repo.create()
        .file("src/main/java/a/Jms.java", """
            package a;

            import jakarta.jms.Message;
            import jakarta.jms.MessageListener;
            import jakarta.jms.Session;

            class Jms implements MessageListener {
              public void onMessage(Message m) {}

              void send(Session session) throws Exception {
                session.createProducer(null);
              }
            }
            """)
        .file("src/main/java/a/Rabbit.java", """
            package a;

            import com.rabbitmq.client.Channel;
            import org.springframework.amqp.rabbit.annotation.RabbitListener;

            class Rabbit {
              void publish(Channel channel) throws Exception {
                channel.basicPublish("", "q", null, new byte[0]);
                channel.basicConsume("q", true, null);
              }

              @RabbitListener(queues = "q")
              void listen(String s) {}
            }
            """)
        .scan();
    assertThat(Repo.brief(r)).containsExactly(
        "messaging.jms.consumer src/main/java/a/Jms.java:7:7",
        "messaging.jms.producer src/main/java/a/Jms.java:11:5",
        "messaging.rabbitmq.producer src/main/java/a/Rabbit.java:8:5",
        "messaging.rabbitmq.consumer src/main/java/a/Rabbit.java:9:5",
        "messaging.rabbitmq.consumer src/main/java/a/Rabbit.java:13:8");
  }
}
