package com.example.front;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestTemplate;

/** The quote service: prices items with the stock {@code stock} reserves. */
@SpringBootApplication
public class FrontApplication {
  public static void main(String[] args) {
    SpringApplication.run(FrontApplication.class, args);
  }

  @Bean
  RestTemplate stockClient(RestTemplateBuilder builder, @Value("${stock.url}") String stockUrl) {
    return builder.rootUri(stockUrl).build();
  }
}
