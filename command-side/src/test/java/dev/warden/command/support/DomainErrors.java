package dev.warden.command.support;

import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.ErrorCode;
import dev.warden.events.shared.ThrottledException;
import java.time.Duration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Hamcrest matchers for refusals, for {@code expectException(...)} in fixture tests. */
public final class DomainErrors {

    private DomainErrors() {
    }

    /** A {@link DomainException} carrying {@code code}. */
    public static Matcher<DomainException> refusedWith(ErrorCode code) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException exception, Description mismatch) {
                if (exception.code() != code) {
                    mismatch.appendText("refused with ").appendValue(exception.code())
                            .appendText(": ").appendValue(exception.getMessage());
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainException with code ").appendValue(code);
            }
        };
    }

    /** A {@link ThrottledException} that tells the caller to wait exactly {@code retryAfter}. */
    public static Matcher<ThrottledException> throttledFor(Duration retryAfter) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(ThrottledException exception, Description mismatch) {
                if (!retryAfter.equals(exception.retryAfter())) {
                    mismatch.appendText("throttled for ").appendValue(exception.retryAfter());
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a ThrottledException to retry after ").appendValue(retryAfter);
            }
        };
    }
}
