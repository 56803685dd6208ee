package com.example.orders;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestTemplate;

/** The orders service: reserves stock in {@code inventory}, prices the order. */
@SpringBootApplication
public class OrdersApplication {
  public static void main(String[] args) {
    SpringApplication.run(OrdersApplication.class, args);
  }

  @Bean
  RestTemplate inventoryClient(RestTemplateBuilder builder,
      @Value("${inventory.url}") String inventoryUrl) {
    return builder.rootUri(inventoryUrl).build();
  }
}
