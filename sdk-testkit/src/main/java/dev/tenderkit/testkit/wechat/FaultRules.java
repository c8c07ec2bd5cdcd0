package dev.tenderkit.testkit.wechat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The faults scripted for coming requests, each used once, in the order added. Thread-safe. */
final class FaultRules {
    private record Rule(Optional<String> endpoint, Optional<String> authCode, Fault fault) {
    }

    private final List<Rule> rules = new ArrayList<>();

    /** The next request to {@code endpoint} (any if empty) carrying {@code authCode} (any if empty) suffers {@code fault}. */
    synchronized void add(Optional<String> endpoint, Optional<String> authCode, Fault fault) {
        rules.add(new Rule(endpoint, authCode, Objects.requireNonNull(fault, "fault")));
    }

    /** @return the first rule matching this request, removed */
    synchronized Optional<Fault> take(String endpoint, Optional<String> authCode) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext();) {
            Rule r = it.next();
            boolean codeMatches = r.authCode().isEmpty() || r.authCode().equals(authCode);
            if (r.endpoint().map(endpoint::equals).orElse(true) && codeMatches) {
                it.remove();
                return Optional.of(r.fault());
            }
        }
        return Optional.empty();
    }
}
