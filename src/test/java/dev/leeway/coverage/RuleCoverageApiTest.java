package dev.leeway.coverage;

import org.springframework.boot.test.context.SpringBootTest;

/** Rule coverage on H2, the store of a single instance. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RuleCoverageApiTest extends RuleCoverageContract {}
