package dev.tenderkit.alipay.crash;

import dev.tenderkit.core.money.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The orders the killed terminal works through, the same list for every restart: a restarted
 * child skips what its journal shows final and pays the rest, so an order whose trade was cut
 * short is asked for again (the engine must return its one trade, never make a second). One
 * order per line: {@code <orderId> <amount> <BUYER>}.
 */
final class WorkList {
    private WorkList() {
    }

    /** One order at the till. */
    record Order(String orderId, Money amount, Buyer buyer) {
    }

    /** @return {@code count} orders with amounts from 0.01 to 999.99 and buyers drawn by weight */
    static List<Order> generate(Random random, int count) {
        List<Order> orders = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            orders.add(new Order(String.format("ORD-%05d", i), Money.ofFen(1 + random.nextInt(99_999)),
                    Buyer.draw(random)));
        }
        return orders;
    }

    static void write(Path file, List<Order> orders) {
        StringBuilder text = new StringBuilder();
        for (Order o : orders) {
            text.append(o.orderId()).append(' ').append(o.amount().toPlainString()).append(' ')
                    .append(o.buyer().name()).append('\n');
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Order> read(Path file) {
        List<Order> orders = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split(" ");
                orders.add(new Order(f[0], Money.parse(f[1]), Buyer.valueOf(f[2])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return orders;
    }
}
