package dev.tenderkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.alipay.AlipayGateway;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.testkit.alipay.SimulatedAlipay;
import dev.tenderkit.transport.http.GatewayTransport;
import dev.tenderkit.transport.serial.SerialLink;
import dev.tenderkit.wechat.WeChatPayGateway;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What an integrator on the module path sees: each library module's descriptor, read from the
 * module as this build made it (its classes directory or jar, found where its classes come from),
 * exports its API packages and no {@code internal} package (a qualified export to another TenderKit
 * module would be the only allowed way), and the six modules resolve and load together with their
 * dependencies, Alipay's capability rule found by the resolver's {@code ServiceLoader} through
 * {@code provides}.
 */
class ModuleDescriptorsTest {

    /** Module name → a class of it, to find where this build put the module. */
    private static final Map<String, Class<?>> MODULES = Map.of(
            "dev.tenderkit.core", Money.class,
            "dev.tenderkit.transport.http", GatewayTransport.class,
            "dev.tenderkit.transport.serial", SerialLink.class,
            "dev.tenderkit.alipay", AlipayGateway.class,
            "dev.tenderkit.wechat", WeChatPayGateway.class,
            "dev.tenderkit.testkit", SimulatedAlipay.class);

    private static Path locationOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ModuleDescriptor descriptor(String module) {
        ModuleReference ref = ModuleFinder.of(locationOf(MODULES.get(module))).find(module)
                .orElseThrow(() -> new AssertionError(module + ": no module-info.class at " + locationOf(MODULES.get(module))));
        ModuleDescriptor d = ref.descriptor();
        assertFalse(d.isAutomatic(), module + " must have its own module-info, not be an automatic module");
        return d;
    }

    private static boolean isInternal(String pkg) {
        return Arrays.asList(pkg.split("\\.")).contains("internal");
    }

    @Test
    void noLibraryModuleExportsAnInternalPackageToEveryone() {
        Map<String, List<String>> offending = new TreeMap<>();
        for (String module : MODULES.keySet()) {
            for (ModuleDescriptor.Exports e : descriptor(module).exports()) {
                boolean toTenderKitOnly = e.isQualified() && e.targets().stream().allMatch(t -> t.startsWith("dev.tenderkit."));
                if (isInternal(e.source()) && !toTenderKitOnly) {
                    offending.computeIfAbsent(module, k -> new ArrayList<>()).add(e.toString());
                }
            }
        }
        assertTrue(offending.isEmpty(), "internal packages exported: " + offending);
    }

    @Test
    void eachModuleExportsExactlyItsApiPackages() {
        Map<String, Set<String>> expected = Map.of(
                "dev.tenderkit.core", Set.of("dev.tenderkit.core", "dev.tenderkit.core.capability",
                        "dev.tenderkit.core.capability.rules", "dev.tenderkit.core.channel", "dev.tenderkit.core.crypto",
                        "dev.tenderkit.core.fee", "dev.tenderkit.core.health", "dev.tenderkit.core.health.checks",
                        "dev.tenderkit.core.merchant", "dev.tenderkit.core.method", "dev.tenderkit.core.money",
                        "dev.tenderkit.core.operator", "dev.tenderkit.core.payment", "dev.tenderkit.core.payment.journal",
                        "dev.tenderkit.core.payment.spi", "dev.tenderkit.core.reconcile", "dev.tenderkit.core.terminal",
                        "dev.tenderkit.core.time"),
                "dev.tenderkit.transport.http", Set.of("dev.tenderkit.transport.http"),
                "dev.tenderkit.transport.serial", Set.of("dev.tenderkit.transport.serial",
                        "dev.tenderkit.transport.serial.ecr", "dev.tenderkit.transport.serial.frame",
                        "dev.tenderkit.transport.serial.health", "dev.tenderkit.transport.serial.printer",
                        "dev.tenderkit.transport.serial.scanner"),
                "dev.tenderkit.alipay", Set.of("dev.tenderkit.alipay"),
                "dev.tenderkit.wechat", Set.of("dev.tenderkit.wechat"),
                "dev.tenderkit.testkit", Set.of("dev.tenderkit.testkit", "dev.tenderkit.testkit.alipay",
                        "dev.tenderkit.testkit.wechat", "dev.tenderkit.testkit.crash",
                        "dev.tenderkit.testkit.reconcile"));
        for (String module : MODULES.keySet()) {
            ModuleDescriptor d = descriptor(module);
            Set<String> exported = d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
            assertEquals(expected.get(module), exported, module + " exports");
            Set<String> hidden = d.packages().stream().filter(p -> !exported.contains(p)).collect(Collectors.toSet());
            assertTrue(hidden.stream().allMatch(ModuleDescriptorsTest::isInternal),
                    module + ": every package not exported is an internal one, got " + hidden);
        }
    }

    @Test
    void theModulesResolveAndLoadTogetherAndAlipaysRuleIsProvidedToTheResolver() throws Exception {
        Path[] everything = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(s -> !s.isBlank()).map(Path::of).filter(p -> p.toFile().exists()).toArray(Path[]::new);
        Configuration cf = ModuleLayer.boot().configuration().resolve(ModuleFinder.of(everything), ModuleFinder.of(),
                MODULES.keySet());
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());

        Module core = layer.findModule("dev.tenderkit.core").orElseThrow();
        assertTrue(core.isExported("dev.tenderkit.core.capability"));
        assertFalse(core.isExported("dev.tenderkit.core.internal.json"), "core's JSON reading stays inside core");
        Module http = layer.findModule("dev.tenderkit.transport.http").orElseThrow();
        assertFalse(http.isExported("dev.tenderkit.transport.http.internal"));
        for (String sm2 : List.of("dev.tenderkit.alipay", "dev.tenderkit.wechat", "dev.tenderkit.testkit")) {
            Module m = layer.findModule(sm2).orElseThrow();
            assertTrue(m.getDescriptor().requires().stream().anyMatch(r -> r.name().equals("org.bouncycastle.provider")
                    && r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)), sm2 + ": BouncyCastle stays optional");
        }

        Class<?> rule = layer.findLoader("dev.tenderkit.core").loadClass("dev.tenderkit.core.capability.CapabilityRule");
        List<String> providers = ServiceLoader.load(layer, rule).stream().map(p -> p.type().getName()).toList();
        assertTrue(providers.contains("dev.tenderkit.alipay.AlipayCapabilityRule"), "providers: " + providers);
        assertTrue(providers.contains("dev.tenderkit.wechat.WeChatPayCapabilityRule"), "providers: " + providers);
    }
}
