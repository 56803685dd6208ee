package com.example.catalog;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestTemplate;

/** The catalog service: describes items, with their price from {@code pricing}. */
@SpringBootApplication
public class CatalogApplication {
  public static void main(String[] args) {
    SpringApplication.run(CatalogApplication.class, args);
  }

  @Bean
  RestTemplate pricingClient(RestTemplateBuilder builder,
      @Value("${pricing.url}") String pricingUrl) {
    return builder.rootUri(pricingUrl).build();
  }
}
