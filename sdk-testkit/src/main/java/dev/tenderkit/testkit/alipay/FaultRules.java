package dev.tenderkit.testkit.alipay;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The faults scripted for coming requests, each used once, in the order added. Thread-safe. */
final class FaultRules {
    private record Rule(Optional<String> method, Optional<String> authCode, Fault fault) {
    }

    private final List<Rule> rules = new ArrayList<>();

    /** The next request matching {@code method} (any if empty) and {@code authCode} (any if empty) suffers {@code fault}. */
    synchronized void add(Optional<String> method, Optional<String> authCode, Fault fault) {
        rules.add(new Rule(method, authCode, Objects.requireNonNull(fault, "fault")));
    }

    /** @return the first rule matching this request, removed */
    synchronized Optional<Fault> take(String method, String authCode) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext();) {
            Rule r = it.next();
            if (r.method().map(method::equals).orElse(true) && r.authCode().map(authCode::equals).orElse(true)) {
                it.remove();
                return Optional.of(r.fault());
            }
        }
        return Optional.empty();
    }
}
