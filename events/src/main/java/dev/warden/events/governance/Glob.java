package dev.warden.events.governance;

import java.util.ArrayList;
import java.util.List;

/**
 * A tool-name glob: {@code *} any run of characters, {@code ?} exactly one, the rest literal. It is
 * matched as fixed-length pieces between the stars, each taken at its leftmost place, so a call takes
 * at most (name length x glob length) steps whatever the glob: a regular expression made of a glob
 * such as {@code *a*a*a*a*b} backtracks for ages on a long name of {@code a}s.
 */
final class Glob {

    private static final int ANY = -1;

    private final int[] head;
    private final List<int[]> middle;
    private final int[] tail;
    private final boolean starred;

    private Glob(int[] head, List<int[]> middle, int[] tail, boolean starred) {
        this.head = head;
        this.middle = middle;
        this.tail = tail;
        this.starred = starred;
    }

    static Glob of(String glob) {
        List<int[]> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                pieces.add(codePoints(piece.toString()));
                piece.setLength(0);
            } else {
                piece.append(c);
            }
        }
        pieces.add(codePoints(piece.toString()));
        if (pieces.size() == 1) {
            return new Glob(pieces.get(0), List.of(), new int[0], false);
        }
        return new Glob(pieces.get(0), List.copyOf(pieces.subList(1, pieces.size() - 1)),
                pieces.get(pieces.size() - 1), true);
    }

    boolean matches(String name) {
        int[] text = name.codePoints().toArray();
        if (!starred) {
            return text.length == head.length && at(head, text, 0);
        }
        if (text.length < head.length + tail.length || !at(head, text, 0)
                || !at(tail, text, text.length - tail.length)) {
            return false;
        }
        int from = head.length;
        int end = text.length - tail.length;
        for (int[] piece : middle) {
            int found = leftmost(piece, text, from, end);
            if (found < 0) {
                return false;
            }
            from = found + piece.length;
        }
        return true;
    }

    private static int leftmost(int[] piece, int[] text, int from, int end) {
        for (int start = from; start + piece.length <= end; start++) {
            if (at(piece, text, start)) {
                return start;
            }
        }
        return -1;
    }

    private static boolean at(int[] piece, int[] text, int start) {
        for (int i = 0; i < piece.length; i++) {
            if (piece[i] != ANY && piece[i] != text[start + i]) {
                return false;
            }
        }
        return true;
    }

    private static int[] codePoints(String piece) {
        return piece.codePoints().map(c -> c == '?' ? ANY : c).toArray();
    }
}
