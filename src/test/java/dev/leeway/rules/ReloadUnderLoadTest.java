package dev.leeway.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leeway.EditableRules;
import dev.leeway.HttpApi;
import dev.leeway.HttpApi.Reply;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Rule sets are swapped repeatedly while helpdesks keep deciding: no request fails. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReloadUnderLoadTest {

    static final EditableRules RULES = EditableRules.copyOfBundled();
    static final String GOODWILL = "escapes/goodwill.drl";

    @DynamicPropertySource
    static void rulesDirectory(DynamicPropertyRegistry registry) {
        RULES.serveFrom(registry, false);
    }

    @LocalServerPort
    int port;

    @Test
    void decisionsNeverFailWhileTheRuleSetIsReloadedAgainAndAgain() throws Exception {
        HttpApi api = new HttpApi(port);
        String original = RULES.read(GOODWILL);
        AtomicBoolean deciding = new AtomicBoolean(true);
        AtomicInteger decided = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
        ExecutorService helpdesks = Executors.newFixedThreadPool(4);
        for (int desk = 0; desk < 4; desk++) {
            helpdesks.submit(() -> {
                while (deciding.get()) {
                    Reply reply = api.postJson("/api/v1/decisions", """
                            {"case": {"id": "LOAD", "companyAtFault": true, "currentStep": "TIER1_SCRIPT"},
                             "actor": {"id": "agent-7", "roles": ["AGENT"]},
                             "request": {"action": "GRANT_COMPENSATION", "amount": 40}}
                            """);
                    if (reply.status() != 200) {
                        failures.add(reply.status() + " " + reply.body());
                    } else {
                        versionsSeen.add(reply.json().path("ruleSet").path("version").asString());
                        decided.incrementAndGet();
                    }
                }
            });
        }

        int reloads = 12;
        Set<String> activated = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < reloads; i++) {
            // Alternate between two limits, both of which keep every scenario passing.
            RULES.write(GOODWILL, original.replace(".upTo(50)", i % 2 == 0 ? ".upTo(60)" : ".upTo(50)"));
            Reply reload = api.postJson("/api/v1/rules/reload", "");
            assertThat(reload.status()).as(reload.body()).isEqualTo(200);
            assertThat(reload.json().path("status").asString()).isEqualTo("ACTIVATED");
            activated.add(reload.json().path("activeVersion").asString());
        }
        deciding.set(false);
        helpdesks.shutdown();
        assertThat(helpdesks.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(failures).isEmpty();
        assertThat(decided.get()).isGreaterThan(reloads);
        assertThat(activated).hasSize(2);
        assertThat(versionsSeen).isSubsetOf(activated).hasSizeGreaterThanOrEqualTo(2);
        RULES.restore();
    }
}
