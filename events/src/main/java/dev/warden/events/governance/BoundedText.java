package dev.warden.events.governance;

/**
 * Text that a regular expression may read only so many characters of: a pattern that backtracks
 * without end on a crafted argument gives up ({@link BudgetSpent}) instead of holding a thread.
 */
final class BoundedText implements CharSequence {

    static final class BudgetSpent extends RuntimeException {
        BudgetSpent() {
            super("pattern budget spent", null, false, false);
        }
    }

    private final String text;
    private final int[] budget;

    BoundedText(String text, int budget) {
        this(text, new int[] {budget});
    }

    private BoundedText(String text, int[] budget) {
        this.text = text;
        this.budget = budget;
    }

    @Override
    public char charAt(int index) {
        if (--budget[0] < 0) {
            throw new BudgetSpent();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BoundedText(text.substring(start, end), budget);
    }

    @Override
    public String toString() {
        return text;
    }
}
