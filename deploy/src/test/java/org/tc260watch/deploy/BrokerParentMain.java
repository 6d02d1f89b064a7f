package org.tc260watch.deploy;

import java.nio.file.Path;

/**
 * A parent JVM for {@link KafkaBrokerIT}: starts a broker, says the child's pid and waits to be killed. Runs with only the
 * deploy classes on its classpath, as a Quarkus test JVM would.
 */
public final class BrokerParentMain {

    static final String CHILD_PID_PREFIX = "CHILD_PID ";

    private BrokerParentMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        KafkaBroker broker = KafkaBroker.start(Path.of(args[0]));
        System.out.println(CHILD_PID_PREFIX + broker.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
