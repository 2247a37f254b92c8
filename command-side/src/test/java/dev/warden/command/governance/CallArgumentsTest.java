package dev.warden.command.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.shared.DomainException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical form of a call's arguments, which its hash and so its approvals are bound to. */
class CallArgumentsTest {

    @Test
    void keysAreSortedAtEveryLevelWithoutWhitespace() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", true);
        inner.put("a", null);
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("b", List.of(inner, "x"));
        outer.put("a", 1);

        CallArguments arguments = CallArguments.of(outer);

        assertThat(arguments.canonicalJson()).isEqualTo("{\"a\":1,\"b\":[{\"a\":null,\"z\":true},\"x\"]}");
        assertThat(arguments.hash()).isEqualTo(AgentSessionFixture.sha256(arguments.canonicalJson()))
                .hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void absentArgumentsAreTheEmptyObject() {
        assertThat(CallArguments.of(null).canonicalJson()).isEqualTo("{}");
        assertThat(CallArguments.of(null).hash()).isEqualTo(CallArguments.of(Map.of()).hash());
    }

    @Test
    void numbersAreWrittenByValue() {
        assertThat(json(1)).isEqualTo(json(1L)).isEqualTo(json(1.0)).isEqualTo(json(new BigDecimal("1.000")))
                .isEqualTo(json(BigInteger.ONE)).isEqualTo("{\"n\":1}");
        assertThat(json(0.1)).isEqualTo(json(new BigDecimal("0.10"))).isEqualTo("{\"n\":0.1}");
        assertThat(json(-0.0)).isEqualTo(json(0)).isEqualTo("{\"n\":0}");
        assertThat(json(new BigDecimal("1e400"))).isEqualTo("{\"n\":1E+400}");
        assertThat(json(12_345_678_901_234L)).isEqualTo("{\"n\":12345678901234}");
    }

    @Test
    void textIsEscapedOneWayOnly() {
        assertThat(CallArguments.of(Map.of("t", "a\"b\\c\n\u0001\u00e9\u2028")).canonicalJson())
                .isEqualTo("{\"t\":\"a\\\"b\\\\c\\n\\u0001\u00e9\u2028\"}");
    }

    @Test
    void equalArgumentsHaveEqualHashesAndOthersOthers() {
        assertThat(CallArguments.of(Map.of("path", "/etc/hosts", "lines", 10)).hash())
                .isEqualTo(CallArguments.of(new HashMap<>(Map.of("lines", 10.0, "path", "/etc/hosts"))).hash())
                .isNotEqualTo(CallArguments.of(Map.of("path", "/etc/hosts", "lines", 11)).hash());
    }

    @Test
    void whatIsNoJsonIsRefusedWithoutQuotingIt() {
        assertRefused(Map.of("n", Double.NaN), "not finite");
        assertRefused(Map.of("n", Double.POSITIVE_INFINITY), "not finite");
        assertRefused(Map.of("secret-\ud800", 1), "lone surrogate");
        assertRefused(Map.of("when", new java.util.Date()), "not JSON");
        Map<Object, Object> numericKey = new HashMap<>(Map.of(1, "secret-value"));
        @SuppressWarnings("unchecked") Map<String, Object> odd = (Map<String, Object>) (Map<?, ?>) numericKey;
        assertRefused(odd, "key that is not text");
    }

    @Test
    void depthCountAndLengthAreBounded() {
        Object deep = "leaf";
        for (int i = 0; i < CallArguments.MAX_DEPTH; i++) {
            deep = List.of(deep);
        }
        assertRefused(Map.of("deep", deep), "nest deeper");
        List<Object> many = new ArrayList<>(Arrays.asList(new Object[CallArguments.MAX_VALUES]));
        assertRefused(Map.of("many", many), "more than");
        assertRefused(Map.of("long", "x".repeat(CallArguments.MAX_CHARS)), "longer than");
    }

    private static String json(Object number) {
        return CallArguments.of(Map.of("n", number)).canonicalJson();
    }

    private static void assertRefused(Map<String, Object> arguments, String why) {
        assertThatThrownBy(() -> CallArguments.of(arguments))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(GovernanceErrorCode.INVALID_TOOL_CALL);
                    assertThat(e.getMessage()).contains(why).doesNotContain("secret");
                });
    }
}
