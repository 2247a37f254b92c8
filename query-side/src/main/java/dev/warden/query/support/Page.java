package dev.warden.query.support;

import java.util.List;

/**
 * One page of a list. {@code nextCursor} is opaque; pass it back as {@code cursor} for the next
 * page. It is {@code null} on the last page.
 */
public record Page<T>(List<T> items, String nextCursor) {
}
