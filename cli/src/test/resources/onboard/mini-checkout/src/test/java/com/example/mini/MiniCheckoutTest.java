package com.example.mini;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MiniCheckoutTest {
  @Test
  void checkoutAnswersWithTheStock() throws Exception {
    MiniCheckout service = new MiniCheckout(0);
    int port = service.start();
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/checkout?id=1"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals("ok 7", response.body());
    } finally {
      service.stop();
    }
  }
}
