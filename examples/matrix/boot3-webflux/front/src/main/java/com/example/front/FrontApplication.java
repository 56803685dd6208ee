package com.example.front;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/** The quote service: asks {@code back} for stock through a WebClient. */
@SpringBootApplication
public class FrontApplication {
  public static void main(String[] args) {
    SpringApplication.run(FrontApplication.class, args);
  }

  @Bean
  WebClient backClient(WebClient.Builder builder, @Value("${back.url}") String backUrl) {
    return builder.baseUrl(backUrl).build();
  }
}
