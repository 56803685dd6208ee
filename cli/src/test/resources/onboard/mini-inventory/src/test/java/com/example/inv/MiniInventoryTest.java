package com.example.inv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MiniInventoryTest {
  @Test
  void reserveAnswersWithThePrice() throws Exception {
    MiniInventory service = new MiniInventory(0);
    int port = service.start();
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/reserve?id=1"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals("reserved at 42", response.body());
    } finally {
      service.stop();
    }
  }
}
