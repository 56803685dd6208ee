package com.example.front;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestTemplate;

/** The quote service: asks {@code back} for stock, prices the quote on a worker thread. */
@SpringBootApplication
public class FrontApplication {
  public static void main(String[] args) {
    SpringApplication.run(FrontApplication.class, args);
  }

  @Bean
  RestTemplate backClient(RestTemplateBuilder builder, @Value("${back.url}") String backUrl) {
    return builder.rootUri(backUrl).build();
  }
}
