package com.example.checkout.inventory;

/** inventory-service could not reserve the stock. */
public class InventoryException extends Exception {

  /** Why the reservation failed. */
  public enum Reason {
    OUT_OF_STOCK,
    UNKNOWN_SKU,
    UNAVAILABLE
  }

  private final Reason reason;

  public InventoryException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public InventoryException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
