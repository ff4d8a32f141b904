package dev.lamina.samples.batch;

/**
 * A page view, the JSON data of a Kinesis record: {@code {"userId":"u-1","page":"/tea"}}.
 * Immutable.
 *
 * @param userId who viewed the page; may be {@code null}
 * @param page the page's path; may be {@code null} if the sender left it out
 */
public record ClickEvent(String userId, String page) {}
