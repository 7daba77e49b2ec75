package dev.modelregistry.domain;

/**
 * A page token that cannot continue this search: not a token at all (garbage, cut short,
 * altered), or the token of a search with other filters or another order.
 */
public class InvalidPageTokenException extends InvalidQueryException {

    public InvalidPageTokenException(String token, String reason) {
        super("page_token", token, reason);
    }
}
