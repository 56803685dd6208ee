package dev.otelboard.cli.scan;

import java.util.List;
import java.util.Set;

/**
 * Library types the detectors match, so that an on-demand import ({@code import java.net.http.*;})
 * can resolve their simple names. A simple name from an on-demand import of any other library
 * stays unresolved, and unresolved names never match.
 */
final class KnownTypes {
  private static final Set<String> TYPES =
      Set.copyOf(
          List.of(
          // logging
          "org.slf4j.Logger", "org.slf4j.LoggerFactory", "ch.qos.logback.classic.Logger",
          "org.apache.logging.log4j.Logger", "org.apache.logging.log4j.LogManager",
          "org.apache.logging.log4j.Level", "java.util.logging.Logger", "java.util.logging.Level",
          "org.apache.commons.logging.Log", "org.apache.commons.logging.LogFactory",
          "org.apache.log4j.Logger", "org.apache.log4j.LogManager", "org.apache.log4j.Category",
          "lombok.extern.slf4j.Slf4j", "lombok.extern.slf4j.XSlf4j", "lombok.extern.log4j.Log4j2",
          "lombok.extern.java.Log", "lombok.extern.apachecommons.CommonsLog",
          "lombok.extern.log4j.Log4j",
          // http clients
          "java.net.http.HttpClient", "okhttp3.OkHttpClient", "org.apache.http.impl.client.HttpClients",
          "org.apache.http.impl.client.HttpClientBuilder",
          "org.apache.http.impl.client.DefaultHttpClient",
          "org.apache.hc.client5.http.impl.classic.HttpClients",
          "org.apache.hc.client5.http.impl.classic.HttpClientBuilder",
          "org.apache.hc.client5.http.impl.async.HttpAsyncClients",
          "org.springframework.web.client.RestTemplate", "org.springframework.web.client.RestClient",
          "org.springframework.boot.web.client.RestTemplateBuilder",
          "org.springframework.web.reactive.function.client.WebClient",
          "javax.ws.rs.client.ClientBuilder", "jakarta.ws.rs.client.ClientBuilder", "feign.Feign",
          "retrofit2.Retrofit", "org.springframework.cloud.openfeign.FeignClient",
          // http servers
          "com.sun.net.httpserver.HttpServer", "com.sun.net.httpserver.HttpsServer",
          "javax.servlet.http.HttpServlet", "jakarta.servlet.http.HttpServlet",
          "javax.servlet.Filter", "jakarta.servlet.Filter", "javax.servlet.http.HttpFilter",
          "jakarta.servlet.http.HttpFilter", "org.springframework.web.filter.OncePerRequestFilter",
          "org.springframework.web.filter.GenericFilterBean",
          "org.springframework.web.server.WebFilter",
          "org.springframework.web.bind.annotation.RestController",
          "org.springframework.stereotype.Controller",
          "org.springframework.web.bind.annotation.RequestMapping",
          "org.springframework.web.bind.annotation.GetMapping",
          "org.springframework.web.bind.annotation.PostMapping",
          "org.springframework.web.bind.annotation.PutMapping",
          "org.springframework.web.bind.annotation.DeleteMapping",
          "org.springframework.web.bind.annotation.PatchMapping",
          "org.springframework.web.reactive.function.server.RouterFunctions",
          "org.springframework.web.servlet.function.RouterFunctions",
          "reactor.core.publisher.Mono", "reactor.core.publisher.Flux",
          "javax.ws.rs.GET", "javax.ws.rs.POST", "javax.ws.rs.PUT", "javax.ws.rs.DELETE",
          "javax.ws.rs.PATCH", "javax.ws.rs.HEAD", "javax.ws.rs.OPTIONS", "jakarta.ws.rs.GET",
          "jakarta.ws.rs.POST", "jakarta.ws.rs.PUT", "jakarta.ws.rs.DELETE", "jakarta.ws.rs.PATCH",
          "jakarta.ws.rs.HEAD", "jakarta.ws.rs.OPTIONS", "io.javalin.Javalin", "spark.Spark",
          "io.helidon.webserver.Routing", "io.helidon.webserver.http.HttpRouting",
          "io.helidon.webserver.http.HttpRules",
          "org.springframework.boot.autoconfigure.SpringBootApplication",
          // async
          "java.util.concurrent.Executors", "java.util.concurrent.ThreadPoolExecutor",
          "java.util.concurrent.ScheduledThreadPoolExecutor", "java.util.concurrent.ForkJoinPool",
          "java.util.concurrent.CompletableFuture", "java.util.concurrent.Executor",
          "java.util.concurrent.ExecutorService", "java.util.concurrent.ScheduledExecutorService",
          "org.springframework.scheduling.annotation.Async",
          "org.springframework.scheduling.annotation.Scheduled",
          // messaging
          "org.apache.kafka.clients.producer.KafkaProducer",
          "org.apache.kafka.clients.consumer.KafkaConsumer",
          "org.springframework.kafka.core.KafkaTemplate",
          "org.springframework.kafka.annotation.KafkaListener",
          "org.springframework.jms.core.JmsTemplate",
          "org.springframework.jms.annotation.JmsListener",
          "org.springframework.amqp.rabbit.core.RabbitTemplate",
          "org.springframework.amqp.rabbit.annotation.RabbitListener",
          "javax.jms.MessageListener", "jakarta.jms.MessageListener", "javax.jms.Session",
          "jakarta.jms.Session", "javax.jms.QueueSession", "jakarta.jms.QueueSession",
          "javax.jms.TopicSession", "jakarta.jms.TopicSession", "javax.jms.JMSContext",
          "jakarta.jms.JMSContext", "com.rabbitmq.client.Channel", "com.rabbitmq.client.Connection"));

  private KnownTypes() {}

  static boolean contains(String fqn) {
    return TYPES.contains(fqn);
  }
}
