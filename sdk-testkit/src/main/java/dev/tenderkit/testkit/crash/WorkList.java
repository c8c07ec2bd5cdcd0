package dev.tenderkit.testkit.crash;

import dev.tenderkit.core.money.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * The orders the killed terminal works through, the same list for every restart: a restarted
 * child skips what its journal shows final and pays the rest, so an order whose trade was cut
 * short is asked for again (the engine must return its one trade, never make a second). One
 * order per line: {@code <orderId> <amount> <buyer> <paymentCode>}. Stateless.
 */
public final class WorkList {
    private WorkList() {
    }

    /**
     * One order at the till.
     *
     * @param orderId the order
     * @param amount what it costs
     * @param buyer the buyer's name ({@link CrashBuyer#name()})
     * @param paymentCode the code the buyer shows
     */
    public record Order(String orderId, Money amount, String buyer, String paymentCode) {
        /** Validates. */
        public Order {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(buyer, "buyer");
            Objects.requireNonNull(paymentCode, "paymentCode");
        }
    }

    /**
     * @param random the run's randomness
     * @param count how many orders
     * @param buyers who comes to the till, by weight
     * @return {@code count} orders with amounts from 0.01 to 999.99: the first one for each buyer in
     *     turn, so that even a short run takes every path, then buyers drawn by weight
     */
    public static List<Order> generate(Random random, int count, List<? extends CrashBuyer<?>> buyers) {
        int total = buyers.stream().mapToInt(CrashBuyer::weight).sum();
        List<Order> orders = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            CrashBuyer<?> b = i <= buyers.size() ? buyers.get(i - 1) : draw(random, total, buyers);
            orders.add(new Order(String.format("ORD-%05d", i), Money.ofFen(1 + random.nextInt(99_999)), b.name(),
                    b.paymentCode()));
        }
        return orders;
    }

    private static CrashBuyer<?> draw(Random random, int total, List<? extends CrashBuyer<?>> buyers) {
        int pick = random.nextInt(total);
        for (CrashBuyer<?> b : buyers) {
            pick -= b.weight();
            if (pick < 0) {
                return b;
            }
        }
        throw new IllegalArgumentException("buyers' weights must be positive");
    }

    /**
     * @param file where to write
     * @param orders the orders
     */
    public static void write(Path file, List<Order> orders) {
        StringBuilder text = new StringBuilder();
        for (Order o : orders) {
            text.append(o.orderId()).append(' ').append(o.amount().toPlainString()).append(' ').append(o.buyer())
                    .append(' ').append(o.paymentCode()).append('\n');
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param file a file {@link #write} wrote
     * @return its orders
     */
    public static List<Order> read(Path file) {
        List<Order> orders = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split(" ");
                orders.add(new Order(f[0], Money.parse(f[1]), f[2], f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return orders;
    }
}
