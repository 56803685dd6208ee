package com.example.checkout.order;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends order confirmations in the background so the checkout answer doesn't wait for them. A real
 * deployment would e-mail the customer; here the order is marked confirmed.
 */
public class ConfirmationSender implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ConfirmationSender.class);

  private final OrderStore orders;
  private final ExecutorService executor;

  public ConfirmationSender(OrderStore orders, int threads) {
    this.orders = orders;
    this.executor = Executors.newFixedThreadPool(threads);
  }

  public void sendConfirmation(Order order) {
    try {
      executor.submit(() -> send(order));
    } catch (RejectedExecutionException e) {
      log.warn("Shutting down; confirmation for order {} not sent", order.id());
    }
  }

  private void send(Order order) {
    log.info("Sending confirmation for order {}", order.id());
    try {
      orders.markConfirmed(order.id());
      log.info(
          "Order {} confirmed: {} x {} for {} cents",
          order.id(),
          order.quantity(),
          order.sku(),
          order.totalCents());
    } catch (RuntimeException e) {
      log.error("Confirmation for order {} failed", order.id(), e);
    }
  }

  /** Lets queued confirmations finish (5 s at most), then stops the threads. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        log.warn("Confirmations still pending at shutdown; dropping them");
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
