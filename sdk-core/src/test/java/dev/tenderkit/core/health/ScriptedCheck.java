package dev.tenderkit.core.health;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.method.Wallet;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** An in-memory check whose answer a test sets, recording when it was asked and how. */
final class ScriptedCheck implements HealthCheck {
    private final String id;
    private volatile Function<HealthCheckContext, List<HealthItem>> answer;
    final List<Instant> calledAt = new CopyOnWriteArrayList<>();
    final List<HealthCheckContext> contexts = new CopyOnWriteArrayList<>();

    ScriptedCheck(String id) {
        this.id = id;
        ok();
    }

    ScriptedCheck ok() {
        answer = c -> List.of(HealthItem.ok(id, LocalizedText.of("正常", "fine")));
        return this;
    }

    ScriptedCheck failing(Set<Wallet> wallets) {
        answer = c -> List.of(HealthItem.fail(id, LocalizedText.of(id + " 坏了", id + " is broken"),
                LocalizedText.of("修理 " + id, "repair " + id), wallets));
        return this;
    }

    ScriptedCheck warning() {
        answer = c -> List.of(HealthItem.warn(id, LocalizedText.of(id + " 需要注意", id + " needs attention"),
                LocalizedText.of("留意 " + id, "attend to " + id), Set.of()));
        return this;
    }

    ScriptedCheck answering(Function<HealthCheckContext, List<HealthItem>> answer) {
        this.answer = answer;
        return this;
    }

    int calls() {
        return calledAt.size();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<HealthItem> check(HealthCheckContext context) {
        calledAt.add(context.clock().instant());
        contexts.add(context);
        return answer.apply(context);
    }
}
