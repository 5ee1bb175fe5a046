package io.openvod.gateway.resilience;

import io.openvod.gateway.support.TcpProxy;
import java.io.File;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Takes PostgreSQL away from the gateway and brings it back. The gateway always reaches PostgreSQL through a
 * {@link TcpProxy}; by default the outage cuts that proxy, which leaves the shared server alone for anyone else
 * using it. With {@code VOD_FAULT_TEST_RESTART_POSTGRES=true} (as CI sets it) the real server is stopped and
 * started with {@code pg_ctlcluster}, as an operator's restart would.
 */
public final class PostgresOutage {

    private final TcpProxy proxy;
    private final boolean restartRealServer = Boolean.parseBoolean(System.getenv("VOD_FAULT_TEST_RESTART_POSTGRES"));

    PostgresOutage(TcpProxy proxy) {
        this.proxy = proxy;
    }

    public String mode() {
        return restartRealServer ? "pg_ctlcluster stop/start" : "proxy cut/restore";
    }

    public void begin() throws IOException, InterruptedException {
        if (restartRealServer) {
            run("pg_ctlcluster", "--skip-systemctl-redirect", clusterVersion(), "main", "stop", "-m", "fast");
        } else {
            proxy.cut();
        }
    }

    public void end() throws IOException, InterruptedException {
        if (restartRealServer) {
            run("pg_ctlcluster", "--skip-systemctl-redirect", clusterVersion(), "main", "start");
            for (int i = 0; i < 60 && run("pg_isready", "-h", "127.0.0.1", "-q") != 0; i++) {
                Thread.sleep(250);
            }
        } else {
            proxy.restore();
        }
    }

    private static String clusterVersion() {
        String[] versions = new File("/etc/postgresql").list();
        if (versions == null || versions.length == 0) {
            throw new IllegalStateException("no PostgreSQL cluster under /etc/postgresql");
        }
        return versions[0];
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish");
        }
        return process.exitValue();
    }
}
