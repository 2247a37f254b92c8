package dev.warden.command.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a command endpoint answers: the id of the thing acted on and the log position of the last
 * event the command stored ({@code null} when it changed nothing). Pass the position as
 * {@code minPosition} to a query to read your own write.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandResponse(String id, Long position) {
}
