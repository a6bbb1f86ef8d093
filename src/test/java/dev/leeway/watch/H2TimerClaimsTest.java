package dev.leeway.watch;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** Timer claims on the embedded H2 database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "leeway.watch.poll-interval=0")
@Import(WatchTestSetup.class)
class H2TimerClaimsTest extends TimerClaimsContract {}
