package io.firstwall.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the batch on {@code firstwall.batch.cron} (default 02:00 server time; {@code -} switches it off). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NightlySchedule {

    private static final Logger log = LoggerFactory.getLogger(NightlySchedule.class);

    private final BatchService batch;

    NightlySchedule(BatchService batch) {
        this.batch = batch;
    }

    @Scheduled(cron = "${firstwall.batch.cron:0 0 2 * * *}")
    void nightly() {
        log.info("Nightly report: {}", batch.start(true).message());
    }
}
