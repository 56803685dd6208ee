package com.example.events;

import java.time.Duration;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/** Kafka, Spring's HTTP clients, and loggers of three APIs: what onboard has to keep compiling. */
public final class MiniEvents implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(MiniEvents.class.getName());
  private static final Log AUDIT = LogFactory.getLog("audit");

  private final Producer<String, String> producer;
  private final KafkaConsumer<String, String> consumer;
  private final RestTemplate restTemplate = new RestTemplate();
  private final RestClient restClient = RestClient.create();

  public MiniEvents(String bootstrapServers) {
    Properties config = new Properties();
    config.put("bootstrap.servers", bootstrapServers);
    producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    Properties consumerConfig = new Properties();
    consumerConfig.put("bootstrap.servers", bootstrapServers);
    consumerConfig.put("group.id", "mini-events");
    consumer =
        new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer());
    LOG.log(Level.INFO, "events ready on {0}", bootstrapServers);
    AUDIT.info("started for " + bootstrapServers);
  }

  /** How many interceptors the RestTemplate has. */
  public int restTemplateInterceptors() {
    return restTemplate.getInterceptors().size();
  }

  /** The RestClient. */
  public RestClient restClient() {
    return restClient;
  }

  @Override
  public void close() {
    producer.close(Duration.ZERO);
    consumer.close(Duration.ZERO);
    LOG.info("closed");
  }
}
