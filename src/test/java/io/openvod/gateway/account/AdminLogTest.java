package io.openvod.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.gateway.support.Admin;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** An expected refusal is not a warning: the log stays quiet about it. */
@QuarkusTest
class AdminLogTest {

    @Test
    void aDuplicateAccountNameIsAConflictWithoutWarningsInTheLog() {
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String body = "{\"name\":\"dup-" + UUID.randomUUID() + "\"}";
            Admin.call().body(body).post("/admin/accounts").then().statusCode(201);
            Admin.call().body(body).post("/admin/accounts").then().statusCode(409);
        } finally {
            root.removeHandler(capture);
        }

        assertThat(warnings).extracting(LogRecord::getLoggerName).doesNotContain("org.hibernate.orm.jdbc.error");
    }
}
