package com.example.events;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MiniEventsTest {
  @Test
  void clientsAreCreatedWithoutABroker() {
    try (MiniEvents events = new MiniEvents("127.0.0.1:1")) {
      assertTrue(events.restTemplateInterceptors() >= 0);
      assertNotNull(events.restClient());
    }
  }
}
