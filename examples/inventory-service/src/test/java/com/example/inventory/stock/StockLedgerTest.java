package com.example.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StockLedgerTest {

  private final StockLedger ledger =
      new StockLedger(new Catalog(List.of(new Product("SKU-1", "Thing", 100, 10))));

  @Test
  void reservationLowersTheLevel() {
    Reservation reservation = ledger.reserve("SKU-1", 4);

    assertThat(reservation).isEqualTo(new Reservation("res-1", "SKU-1", 4, 6));
    assertThat(ledger.available("SKU-1")).hasValue(6);
  }

  @Test
  void reservationBeyondTheLevelIsRefusedAndChangesNothing() {
    assertThat(ledger.reserve("SKU-1", 11)).isNull();
    assertThat(ledger.available("SKU-1")).hasValue(10);
  }

  @Test
  void unknownSkuIsRejected() {
    assertThatThrownBy(() -> ledger.reserve("NOPE", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown sku NOPE");
  }

  @Test
  void concurrentReservationsNeverOversell() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Callable<Reservation> takeOne = () -> ledger.reserve("SKU-1", 1);
      List<Callable<Reservation>> tasks = IntStream.range(0, 40).mapToObj(i -> takeOne).toList();
      long granted = 0;
      for (Future<Reservation> result : pool.invokeAll(tasks)) {
        if (result.get() != null) {
          granted++;
        }
      }
      assertThat(granted).isEqualTo(10);
      assertThat(ledger.available("SKU-1")).hasValue(0);
    } finally {
      pool.shutdownNow();
    }
  }
}
