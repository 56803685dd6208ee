package com.example.front;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.web.client.RestClient;

/** The quote service: asks {@code back} for stock, prices the quote in an {@code @Async} method. */
@SpringBootApplication
@EnableAsync
public class FrontApplication {
  public static void main(String[] args) {
    SpringApplication.run(FrontApplication.class, args);
  }

  @Bean
  RestClient backClient(RestClient.Builder builder, @Value("${back.url}") String backUrl) {
    return builder.baseUrl(backUrl).build();
  }
}
