package com.acme.billing;

import java.net.http.HttpClient;
import java.time.Duration;

/** Not onboarded: a plain client. */
final class LedgerClient {
  private final HttpClient http;

  LedgerClient() {
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  HttpClient http() {
    return http;
  }
}
