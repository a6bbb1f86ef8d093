package dev.leeway.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An authenticated {@link Caller}, whichever way it proved who it is; its authorities are its permissions. */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    public CallerAuthentication(Caller caller) {
        super(caller.permissions());
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    /** Credentials are checked and dropped: nothing downstream can leak them. */
    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return caller.toString();
    }
}
