package dev.leeway.decision;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Issues time-ordered decision ids (UUIDv7), so ids sort the way decisions were made. */
@Component
public class DecisionIds {

    private final TimeBasedEpochGenerator generator = Generators.timeBasedEpochGenerator();

    public UUID next() {
        return generator.generate();
    }
}
