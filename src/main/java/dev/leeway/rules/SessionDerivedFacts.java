package dev.leeway.rules;

import dev.leeway.vocabulary.DerivedFacts;
import java.util.HashMap;
import java.util.Map;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/** Keeps the facts the vocabulary derives in one evaluation's session, one per key. */
final class SessionDerivedFacts implements DerivedFacts {

    private final KieSession session;
    private final Map<String, FactHandle> handles = new HashMap<>();

    SessionDerivedFacts(KieSession session) {
        this.session = session;
    }

    @Override
    public void put(String key, Object fact) {
        FactHandle handle = handles.get(key);
        if (handle == null) {
            handles.put(key, session.insert(fact));
        } else {
            session.update(handle, fact);
        }
    }

    @Override
    public void remove(String key) {
        FactHandle handle = handles.remove(key);
        if (handle != null) {
            session.delete(handle);
        }
    }
}
