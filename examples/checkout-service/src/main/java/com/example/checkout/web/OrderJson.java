package com.example.checkout.web;

import com.example.checkout.order.Order;
import java.util.LinkedHashMap;
import java.util.Map;

final class OrderJson {

  private OrderJson() {}

  static Map<String, Object> of(Order order) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("orderId", order.id());
    json.put("sku", order.sku());
    json.put("quantity", order.quantity());
    json.put("unitPriceCents", order.unitPriceCents());
    json.put("totalCents", order.totalCents());
    json.put("warehouse", order.warehouse());
    json.put("reservationId", order.reservationId());
    json.put("status", order.status().name());
    return json;
  }
}
