package org.haven.local.notification;

import org.haven.local.HavenPlatform;
import org.haven.local.PlatformExtension;
import org.haven.local.ServiceSpec;

import java.util.List;
import java.util.Map;

/**
 * notification-service as the escalation drills run it: texts go to the SMS stand-in, due levels are
 * looked for every second (production: 5 s), and no seed is merged over the directory at start, so
 * a restart keeps the chain an administrator configured (production starts without a seed too).
 */
final class DrillSettings {

    static final String SERVICE = "notification-service";

    private DrillSettings() {
    }

    static Map<String, String> of(SmsStandIn sms) {
        return Map.of("SMS_WEBHOOK_URL", sms.url(),
                "HAVEN_NOTIFICATION_ESCALATION_POLL_INTERVAL", "1s",
                "HAVEN_DIRECTORY_SEED", "");
    }

    /** Stops the instance gracefully and starts it again with {@code settings} (empty: as the launcher runs it). */
    static void restart(ServiceSpec service, Map<String, String> settings) throws Exception {
        HavenPlatform platform = PlatformExtension.platform();
        platform.stopService(service);
        platform.startService(service, settings);
        platform.awaitReady(service);
    }

    /**
     * Puts the standard instance back after a drill: the drill's incidents taken charge of (before and after the
     * restart, so no level of theirs pages anyone later), the launcher's settings, the site's chain as it was, and
     * the SMS stand-in closed.
     */
    static void restoreAfterDrill(ServiceSpec service, List<String> reported, DirectoryAdmin directory,
                                  Map<String, Object> chainBefore, SmsStandIn sms) throws Exception {
        try {
            if (service != null) {
                DrillReports.takeChargeOfAll(service, reported);
                restart(service, Map.of());
                DrillReports.takeChargeOfAll(service, reported);
                if (chainBefore != null) {
                    directory.putChain(DrillReports.SITE, chainBefore);
                }
            }
        } finally {
            if (sms != null) {
                sms.close();
            }
        }
    }
}
