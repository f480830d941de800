package org.haven.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./haven-local}: runs all of Haven on this machine, keeps data in {@code .haven/} between runs,
 * and stops everything on Ctrl-C.
 */
public final class HavenLocal {

    private HavenLocal() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("haven.root", ".")).toAbsolutePath().normalize();
        Path data = Path.of(System.getProperty("haven.data", root.resolve(".haven").toString())).toAbsolutePath();
        // The first run after a build is the training run of the services' AOT caches when a JDK 25+ is here.
        HavenPlatform platform = new HavenPlatform(PlatformLayout.standard(root, data)).aot(AotMode.TRAIN);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Haven…");
            platform.close();
            System.out.println("Stopped. Data kept in " + data);
            stopped.countDown();
        }, "haven-stop"));
        try {
            platform.start();
        } catch (Exception e) {
            System.err.println("Haven could not start: " + e.getMessage());
            System.exit(1);
        }
        System.out.println("""

                Haven is running. Logs: %1$s/logs   Ctrl-C stops everything.

                  Incidents      http://localhost:8081/api/incidents
                  Debriefs       http://localhost:8082/api/debriefs
                  Alerts         http://localhost:8083/api/alerts
                  Follow-ups     http://localhost:8084/api/followups
                  Mail inbox     http://localhost:8025   (nothing leaves this machine)
                  Sign-in        http://localhost:8180/realms/haven   demo people, password "demo":
                                 staff-ana, staff-ben, staff-cy (staff) · sup-north, sup-south (supervisors)
                                 dir-1 (director) · admin
                  Kafka          127.0.0.1:19092      PostgreSQL 127.0.0.1:15432 (postgres/postgres)

                Try it: see "Report an elopement" in README.md.
                """.formatted(data));
        stopped.await();
    }
}
