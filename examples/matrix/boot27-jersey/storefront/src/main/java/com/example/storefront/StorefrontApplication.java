package com.example.storefront;

import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The quote service: Jersey resources on Spring Boot's Tomcat, no Spring MVC. */
@SpringBootApplication
public class StorefrontApplication {
  public static void main(String[] args) {
    SpringApplication.run(StorefrontApplication.class, args);
  }

  @Bean
  ResourceConfig jersey() {
    return new ResourceConfig(QuoteResource.class);
  }
}
