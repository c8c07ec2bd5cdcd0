package dev.tenderkit.testkit.crash;

import java.nio.file.Path;

/**
 * How a wallet's crash test builds its terminal in the child and in the final recovery, from the
 * endpoint file the test wrote (the simulator's address and generated keys). Implementations are
 * public classes with a public no-argument constructor: {@link CrashTerminal#main} makes one by name
 * in the child JVM.
 */
public interface TerminalSetup {
    /**
     * @param endpointFile the file the test wrote ({@link EndpointFile})
     * @return what builds the engine, pointed at the test's simulator
     */
    CrashTerminal.EngineFactory engines(Path endpointFile);
}
