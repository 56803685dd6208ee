package com.acme.billing;

import java.net.http.HttpClient;

/** Already onboarded: the client is wrapped. */
final class TaxClient {
  private final HttpClient http = HttpAdapter.wrap(HttpClient.newHttpClient());

  HttpClient http() {
    return http;
  }
}
