package com.example.warehouse;

import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The stock service: Jersey resources on Spring Boot's Tomcat, no Spring MVC. */
@SpringBootApplication
public class WarehouseApplication {
  public static void main(String[] args) {
    SpringApplication.run(WarehouseApplication.class, args);
  }

  @Bean
  ResourceConfig jersey() {
    return new ResourceConfig(StockResource.class);
  }
}
