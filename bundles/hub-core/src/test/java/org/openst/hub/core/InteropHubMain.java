package org.openst.hub.core;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * A test hub with a printing IM observer on a fixed port, for running the C interop drivers
 * (runtime/src/test/interop) against terminate mode by hand:
 * {@code java -cp <test classpath> org.openst.hub.core.InteropHubMain 15330}, then
 * {@code mwdriver --host 127.0.0.1 --port 15330 im alice alice-pw bob bob-pw}. Stops on SIGTERM.
 */
public final class InteropHubMain {
    private InteropHubMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 15330;
        TestHub hub = new TestHub(HubSettings.defaults(port));
        hub.addImObserver(r -> System.out.printf("OBSERVED %s -> %s [%s] %s: %s%n", r.from().userId(), r.to().userId(),
                r.conversationId(), r.format(), r.text()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hub.close();
            stopped.countDown();
        }));
        System.out.println("READY " + hub.port());
        stopped.await();
    }
}
