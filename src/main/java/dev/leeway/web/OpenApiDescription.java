package dev.leeway.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What {@code /v3/api-docs} and the browsable UI at {@code /swagger-ui.html} say about Leeway. */
@Configuration
public class OpenApiDescription {

    @Bean
    OpenAPI leewayOpenApi(@Value("${leeway.version:0.1.0}") String version) {
        return new OpenAPI().info(new Info()
                .title("Leeway")
                .version(version)
                .description("Rule-based escalation engine with escape paths: for each case, who may act, how and "
                        + "by when. Errors are application/problem+json (RFC 9457).")
                .license(new License().name("Proprietary").identifier("LicenseRef-Proprietary")))
                // Relative: the description holds wherever Leeway is reached, behind any proxy.
                .servers(List.of(new Server().url("/").description("this Leeway instance")));
    }
}
