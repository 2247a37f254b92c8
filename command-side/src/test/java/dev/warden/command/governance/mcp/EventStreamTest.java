package dev.warden.command.governance.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading server-sent events, and mirroring them to a client event by event. */
class EventStreamTest {

    @Test
    void readsThePrimingEventThenEachMessage() throws IOException {
        List<String> data = all(stream("id: p\ndata: \n\nevent: message\nid: 1\ndata: {\"id\":1}\n\n"), null);

        assertThat(data).containsExactly("", "{\"id\":1}");
    }

    @Test
    void joinsDataLinesAndIgnoresCommentsAndOtherFieldsWithLfOrCrlf() throws IOException {
        List<String> data = all(stream(": keep-alive\r\nretry: 100\r\ndata: one\r\ndata:two\r\n\r\n"
                + "event: message\ndata: {\"a\":\n data: 1}\n\n"), null);

        assertThat(data).containsExactly("one\ntwo", "{\"a\":");
    }

    @Test
    void readsEventsThatArriveAByteAtATimeAndDropsOneCutOffAtTheEnd() throws IOException {
        InputStream trickle = new FilterInputStream(stream("data: é\n\ndata: cut off")) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(1, length));
            }
        };

        assertThat(all(trickle, null)).containsExactly("é");
    }

    @Test
    void mirrorsEveryByteAndFlushesAtTheEndOfEachEvent() throws IOException {
        String text = "id: p\ndata: \n\n: comment\nevent: message\ndata: {\"x\":1}\r\n\r\n";
        List<Integer> sizesAtFlush = new ArrayList<>();
        ByteArrayOutputStream mirror = new ByteArrayOutputStream() {
            @Override
            public void flush() {
                sizesAtFlush.add(size());
            }
        };

        EventStream events = new EventStream(stream(text), mirror);
        assertThat(events.next()).isEmpty();
        assertThat(sizesAtFlush).containsExactly("id: p\ndata: \n\n".length());
        assertThat(events.next()).isEqualTo("{\"x\":1}");
        assertThat(events.next()).isNull();

        assertThat(mirror.toString(StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(sizesAtFlush).containsExactly(14, text.length());
        assertThat(events.mirrored()).isTrue();
    }

    private static List<String> all(InputStream in, ByteArrayOutputStream mirror) throws IOException {
        EventStream events = new EventStream(in, mirror);
        List<String> data = new ArrayList<>();
        for (String next = events.next(); next != null; next = events.next()) {
            data.add(next);
        }
        return data;
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
