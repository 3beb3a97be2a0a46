package org.caseload.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

/** The Caseload web application: app data through JPA, analytics through the engine, each on its own pool. */
@SpringBootApplication
@EnableAsync
public class CaseloadApplication {
    public static void main(String[] args) {
        SpringApplication.run(CaseloadApplication.class, args);
    }
}
