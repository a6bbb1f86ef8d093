package dev.leeway.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * Registers Jackson's Blackbird module with the application's JSON mapper: it reads and writes
 * the request and decision records through generated accessors instead of reflection.
 */
@Configuration(proxyBeanMethods = false)
public class JsonPerformance {

    @Bean
    BlackbirdModule blackbirdModule() {
        return new BlackbirdModule();
    }
}
