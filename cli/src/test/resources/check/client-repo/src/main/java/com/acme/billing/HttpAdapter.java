package com.acme.billing;

import java.net.http.HttpClient;

/** Stands in for the adapter onboard generates. */
final class HttpAdapter {
  private HttpAdapter() {}

  static HttpClient wrap(HttpClient client) {
    return client;
  }
}
