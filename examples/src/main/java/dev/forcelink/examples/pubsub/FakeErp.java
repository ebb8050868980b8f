package dev.forcelink.examples.pubsub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for an ERP: orders kept one per line in a tab-separated file, so they outlive the
 * process that made them. Like most real ERPs it has no idempotency of its own: every {@link
 * #createOrder} call makes a new order with a new number, so a repeated event would show up here as
 * a duplicate order.
 *
 * <p>Thread-safe within one process.
 */
final class FakeErp {
  private final Path file;
  private final List<ErpOrder> orders = new ArrayList<>();

  private FakeErp(Path file) {
    this.file = file;
  }

  /**
   * Opens the ERP kept in {@code file}, reading the orders already there.
   *
   * @param file the order file; created on the first order
   * @return the ERP
   * @throws UncheckedIOException if the file exists but cannot be read
   */
  static FakeErp open(Path file) {
    FakeErp erp = new FakeErp(file);
    if (Files.exists(file)) {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String[] cells = line.split("\t");
          erp.orders.add(new ErpOrder(cells[0], cells[1], new BigDecimal(cells[2])));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the ERP's order file " + file, e);
      }
    }
    return erp;
  }

  /**
   * Creates an order with the next order number and writes it to the file.
   *
   * @param opportunityId the opportunity the order is for
   * @param amount the amount
   * @return the new order
   * @throws UncheckedIOException if the order cannot be written
   */
  synchronized ErpOrder createOrder(String opportunityId, BigDecimal amount) {
    ErpOrder order = new ErpOrder(String.format("ERP-%06d", orders.size() + 1), opportunityId, amount);
    String line = order.orderNumber() + "\t" + opportunityId + "\t" + amount.toPlainString() + "\n";
    try {
      Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
          StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new UncheckedIOException("The ERP could not store order " + order.orderNumber() + " in " + file, e);
    }
    orders.add(order);
    return order;
  }

  /**
   * Returns every order, oldest first.
   *
   * @return a copy of the orders
   */
  synchronized List<ErpOrder> orders() {
    return List.copyOf(orders);
  }
}
