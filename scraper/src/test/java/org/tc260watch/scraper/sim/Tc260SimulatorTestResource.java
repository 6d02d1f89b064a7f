package org.tc260watch.scraper.sim;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a {@link Tc260Simulator} for a {@code @QuarkusTest} and points the scraper at it
 * ({@code tc260.base-url}; no pacing). Args: {@value #FIXTURE_ROOT} (classpath directory, default
 * {@value Tc260Simulator#DEFAULT_FIXTURE_ROOT}) and {@value #INITIAL_STATE} (default 1). The test gets the
 * simulator in a field annotated {@link InjectTc260Simulator}.
 *
 * <pre>{@code
 * @QuarkusTest
 * @WithTestResource(value = Tc260SimulatorTestResource.class,
 *         initArgs = @ResourceArg(name = Tc260SimulatorTestResource.FIXTURE_ROOT, value = "tc260-sim"))
 * class SomeIT {
 *     @InjectTc260Simulator
 *     Tc260Simulator site;
 * }
 * }</pre>
 */
public class Tc260SimulatorTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String FIXTURE_ROOT = "fixture-root";
    public static final String INITIAL_STATE = "initial-state";

    private String fixtureRoot = Tc260Simulator.DEFAULT_FIXTURE_ROOT;
    private int initialState = 1;
    private Tc260Simulator simulator;

    @Override
    public void init(Map<String, String> initArgs) {
        fixtureRoot = initArgs.getOrDefault(FIXTURE_ROOT, fixtureRoot);
        initialState = Integer.parseInt(initArgs.getOrDefault(INITIAL_STATE, String.valueOf(initialState)));
    }

    @Override
    public Map<String, String> start() {
        simulator = new Tc260Simulator(fixtureRoot, initialState);
        return Map.of(
                "tc260.base-url", simulator.baseUrl(),
                "tc260.fetch.min-delay", "0s");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(simulator,
                new TestInjector.AnnotatedAndMatchesType(InjectTc260Simulator.class, Tc260Simulator.class));
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
