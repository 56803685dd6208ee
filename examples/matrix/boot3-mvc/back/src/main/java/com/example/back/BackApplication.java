package com.example.back;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The stock service that {@code front} calls. */
@SpringBootApplication
public class BackApplication {
  public static void main(String[] args) {
    SpringApplication.run(BackApplication.class, args);
  }
}
