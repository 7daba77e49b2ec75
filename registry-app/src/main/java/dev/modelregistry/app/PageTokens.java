package dev.modelregistry.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelregistry.app.query.VersionSearch.Position;
import dev.modelregistry.domain.InvalidPageTokenException;
import dev.modelregistry.domain.RegistryException;
import dev.modelregistry.domain.model.VersionId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Page tokens of {@link ModelRegistry#searchVersions}: the last row's sort keys and version id,
 * a digest of the search's filters and order (a token continues only the search that made it),
 * and a check digest over both (a cut, garbled or edited token is refused), as base64url JSON.
 * The token holds no secret; a hand-made token with a correct digest can only start the same
 * search at another position.
 */
final class PageTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LENGTH = 1000;
    private static final String NOT_A_TOKEN = "is not a page token of searchVersions (cut short, damaged or altered)";

    private PageTokens() {
    }

    static String encode(VersionQuery query, Position last) {
        ObjectNode token = JSON.createObjectNode();
        String search = digest(query.selection());
        token.put("q", search);
        token.put("c", last.createdAt().toString());
        token.put("s", last.score());
        token.put("id", last.versionId());
        token.put("h", check(search, last));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Where the page after {@code token} starts; refuses a token that is not one of {@code query}'s. */
    static Position decode(VersionQuery query, String token) {
        Position position;
        String search;
        try {
            if (token.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            JsonNode tree = JSON.readTree(Base64.getUrlDecoder().decode(token));
            search = tree.required("q").textValue();
            JsonNode score = tree.required("s");
            if (search == null || !score.isNumber()) {
                throw new IllegalArgumentException("wrong field types");
            }
            position = new Position(Instant.parse(tree.required("c").textValue()), score.doubleValue(),
                    VersionId.of(tree.required("id").textValue()).value());
            if (!check(search, position).equals(tree.required("h").textValue())) {
                throw new IllegalArgumentException("check digest differs");
            }
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException | IOException
                 | RegistryException e) {
            throw new InvalidPageTokenException(token, NOT_A_TOKEN);
        }
        if (!search.equals(digest(query.selection()))) {
            throw new InvalidPageTokenException(token,
                    "belongs to a search with other filters or another order; a token continues only the search that returned it");
        }
        return position;
    }

    private static String check(String search, Position position) {
        return digest(search + "\n" + position.createdAt() + "\n" + position.score() + "\n" + position.versionId());
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
