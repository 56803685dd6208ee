package dev.otelboard.cli.rewrite;

import static dev.otelboard.cli.rewrite.RewriteTester.assertRewrite;
import static dev.otelboard.cli.rewrite.RewriteTester.assertUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrapKafkaClientTest {

  @Test
  void clientsStoredAsTheInterfacesAreWrapped() {
    JavaFileRewriter.Result result =
        assertRewrite(
            new WrapKafkaClient(),
            """
            package com.example.shop;

            import java.util.Properties;
            import org.apache.kafka.clients.consumer.Consumer;
            import org.apache.kafka.clients.consumer.KafkaConsumer;
            import org.apache.kafka.clients.producer.KafkaProducer;
            import org.apache.kafka.clients.producer.Producer;

            class Shop {
              private final Producer<String, String> producer;

              Shop(Properties props) {
                producer = new KafkaProducer<>(props);
              }

              Consumer<String, String> consumer(Properties props) {
                return new KafkaConsumer<>(props);
              }
            }
            """,
            """
            package com.example.shop;

            import java.util.Properties;
            import org.apache.kafka.clients.consumer.Consumer;
            import org.apache.kafka.clients.consumer.KafkaConsumer;
            import org.apache.kafka.clients.producer.KafkaProducer;
            import org.apache.kafka.clients.producer.Producer;

            class Shop {
              private final Producer<String, String> producer;

              Shop(Properties props) {
                producer = OtelKafka.wrap(new KafkaProducer<>(props));
              }

              Consumer<String, String> consumer(Properties props) {
                return OtelKafka.wrap(new KafkaConsumer<>(props));
              }
            }
            """);
    assertThat(result.changes())
        .extracting(Change::line, Change::rewriteId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(13, RewriteId.WRAP_KAFKA_CLIENT),
            org.assertj.core.groups.Tuple.tuple(17, RewriteId.WRAP_KAFKA_CLIENT));
    assertThat(result.needs())
        .contains(Instrumentation.KAFKA, Instrumentation.KAFKA_ADAPTER, Instrumentation.BOOTSTRAP);
  }

  @Test
  void concreteKafkaTypesKeepTheirTypeThroughTheInterceptorConfig() {
    JavaFileRewriter.Result result =
        assertRewrite(
            new WrapKafkaClient(),
            """
            package com.example.shop.events;

            import java.util.Map;
            import org.apache.kafka.clients.consumer.KafkaConsumer;
            import org.apache.kafka.clients.producer.KafkaProducer;
            import org.apache.kafka.common.serialization.StringSerializer;

            class Events {
              private final KafkaProducer<String, String> producer =
                  new KafkaProducer<>(config(), new StringSerializer(), new StringSerializer());

              void poll(Map<String, Object> consumerConfig) {
                var consumer = new KafkaConsumer<String, String>(consumerConfig);
              }

              static Map<String, Object> config() {
                return Map.of("bootstrap.servers", "localhost:9092");
              }
            }
            """,
            """
            package com.example.shop.events;

            import com.example.shop.OtelKafka;
            import java.util.Map;
            import org.apache.kafka.clients.consumer.KafkaConsumer;
            import org.apache.kafka.clients.producer.KafkaProducer;
            import org.apache.kafka.common.serialization.StringSerializer;

            class Events {
              private final KafkaProducer<String, String> producer =
                  new KafkaProducer<>(OtelKafka.producerConfig(config()), new StringSerializer(), new StringSerializer());

              void poll(Map<String, Object> consumerConfig) {
                var consumer = new KafkaConsumer<String, String>(OtelKafka.consumerConfig(consumerConfig));
              }

              static Map<String, Object> config() {
                return Map.of("bootstrap.servers", "localhost:9092");
              }
            }
            """);
    assertThat(result.needs())
        .contains(Instrumentation.KAFKA, Instrumentation.KAFKA_ADAPTER, Instrumentation.BOOTSTRAP);
  }

  @Test
  void alreadyWrappedClientsAreNotInstrumentedTwice() {
    assertUnchanged(
        new WrapKafkaClient(),
        """
        package com.example.shop;

        import io.opentelemetry.instrumentation.kafkaclients.v2_6.KafkaTelemetry;
        import java.util.Properties;
        import org.apache.kafka.clients.producer.KafkaProducer;
        import org.apache.kafka.clients.producer.Producer;

        class Shop {
          Producer<String, String> producer(KafkaTelemetry telemetry, Properties props) {
            return telemetry.wrap(new KafkaProducer<>(props));
          }
        }
        """);
  }

  @Test
  void anotherLibrarysKafkaProducerIsNotTouched() {
    assertUnchanged(
        new WrapKafkaClient(),
        """
        package com.example.shop;

        import org.apache.kafka.clients.admin.Admin;
        import reactor.kafka.sender.KafkaProducer;

        class Shop {
          KafkaProducer producer = new KafkaProducer(null);
        }
        """);
  }
}
